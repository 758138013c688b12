"""Exercise: for a word that never occurs in the Brown corpus, which vocabulary word shares the most of its n-grams,
and how many of its n-grams occur in some vocabulary word at all (the n-grams whose rows training updates)?

The vocabulary is the fastText page's: the words seen at least 5 times.
"""

import collections
import sys
import zipfile

import nltk
from gensim.models.fasttext_inner import compute_ngrams

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
vocabulary = [w for w, c in counts.items() if c >= MIN_COUNT]
ngrams = {w: set(compute_ngrams(w, 3, 6)) for w in vocabulary}
trained = set().union(*ngrams.values())  # every n-gram of a vocabulary word
print(f"{len(vocabulary):,} words in the vocabulary, {len(trained):,} different n-grams among them")
unseen = ["presidentially", "unkindness", "bicycling", "googling", "qwzx"]
print(f"none of {', '.join(unseen)} occurs in the corpus: {all(counts[w] == 0 for w in unseen)}")
for word in unseen:
    grams = set(compute_ngrams(word, 3, 6))
    best = max(sorted(vocabulary), key=lambda w: len(ngrams[w] & grams))
    shares = f"{best!r} shares {len(ngrams[best] & grams)}" if ngrams[best] & grams else "no word shares any"
    print(f"{word}: {len(grams & trained)} of {len(grams)} n-grams seen in the vocabulary; {shares}")
