"""Exercise: with word2vec's subsampling threshold 1e-3, what share of "the" does an epoch keep, from which
frequency on is a word thinned at all, and how much of the Brown corpus is left?"""

import collections
import sys
import zipfile

import nltk
import numpy as np

SAMPLE, MIN_COUNT = 1e-3, 5


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


counts = collections.Counter(word for sentence in brown_sentences() for word in sentence)
counts = collections.Counter({w: c for w, c in counts.items() if c >= MIN_COUNT})  # the vocabulary, as on the page
words = [w for w, _ in counts.most_common()]
f = np.array([counts[w] for w in words]) / counts.total()  # relative frequency
keep = np.minimum(1.0, np.sqrt(SAMPLE / f) + SAMPLE / f)  # the probability that an occurrence is kept

for word in ["the", "of", "and", "he", "it", "said", "time", "money"]:
    i = words.index(word)
    print(f"{word:>6}: frequency {f[i]:.5f}, kept {keep[i]:.1%} of its {counts[word]:,} occurrences")
# sqrt(x) + x = 1 for x = SAMPLE / f gives sqrt(x) = (sqrt(5) - 1) / 2, so x = 0.382: every word rarer than that
# is kept whole.
threshold = SAMPLE / ((5**0.5 - 1) / 2) ** 2
thinned = f > threshold
print(f"thinned: words with frequency above {threshold:.5f} ({threshold * counts.total():,.0f} occurrences), "
      f"{thinned.sum()} of {len(words):,} words")
print(f"those {thinned.sum()} words are {f[thinned].sum():.1%} of the running words")
print(f"an epoch keeps {np.sum(f * keep):.1%} of the running words on average")
