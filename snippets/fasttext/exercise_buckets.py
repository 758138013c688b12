"""Exercise: the Brown vocabulary's n-grams are hashed into 200,000 buckets (the fastText page's setting) or into
fastText's default 2,000,000. Predict how many buckets end up shared, then count.

For N different n-grams thrown at random into B buckets, the expected number of buckets in use is
B (1 - (1 - 1/B) ** N), and the n-grams that do not get a bucket of their own are N minus that.
"""

import collections
import sys
import zipfile

import nltk
import numpy as np
from gensim.models.fasttext import ft_ngram_hashes
from gensim.models.fasttext_inner import compute_ngrams, ft_hash_bytes

MIN_COUNT = 5


def brown_sentences() -> list[list[str]]:
    """The Brown corpus, about a million words: one list of lowercase words per sentence. NLTK reads it from its
    data folders (or the folder that NLTK_DATA names) and downloads it there on first use."""
    try:
        nltk.data.find("corpora/brown.zip")
    except LookupError:
        nltk.download("brown", quiet=True)  # prints why, if it cannot
    except zipfile.BadZipFile:
        pass  # a damaged file: reported when it is read below
    try:
        sentences = [[w.lower() for w in s if w.isalpha()] for s in nltk.corpus.brown.sents()]
    except (LookupError, OSError, zipfile.BadZipFile) as error:
        sys.exit(f"error: cannot read NLTK's Brown corpus ({type(error).__name__}); run "
                 "`python -m nltk.downloader brown`, or set NLTK_DATA to a folder holding corpora/brown.zip")
    return [s for s in sentences if s]


counts = collections.Counter(w for s in brown_sentences() for w in s)
ngrams = sorted({g for w, c in counts.items() if c >= MIN_COUNT for g in compute_ngrams(w, 3, 6)})
hashes = np.array([ft_hash_bytes(g.encode("utf-8")) for g in ngrams], dtype=np.int64)  # fastText's hash
N = len(ngrams)
ours = [ft_hash_bytes(g.encode("utf-8")) % 200_000 for g in compute_ngrams("where", 3, 6)]
print(f"the same rows as gensim's for 'where': {sorted(ours) == sorted(ft_ngram_hashes('where', 3, 6, 200_000))}")
print(f"{N:,} different n-grams in the vocabulary's words")
for B in (200_000, 2_000_000):
    buckets = hashes % B
    used = len(np.unique(buckets))
    expected = B * (1 - (1 - 1 / B) ** N)
    per_bucket = np.bincount(buckets, minlength=B)
    shared = np.sum(per_bucket[buckets] > 1) / N  # n-grams whose bucket holds another n-gram too
    print(f"{B:>9,} buckets: {used:,} in use (expected {expected:,.0f}); "
          f"{shared:.1%} of the n-grams share their row")
