"""Exercise: in the Brown corpus's co-occurrence counts (the GloVe page's: window 10, each pair adding 1 / distance),
how many cells are below 1, how many reach x_max = 100, and what share of GloVe's total weight f does each group
carry?"""

import collections
import sys
import zipfile

import nltk
import numpy as np
import scipy.sparse

WINDOW, MIN_COUNT, X_MAX, ALPHA = 10, 5, 100.0, 0.75


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


def cooccurrence(sentences) -> tuple[list[str], scipy.sparse.coo_matrix]:
    """The vocabulary and the counts X[i, j]: each pair within WINDOW words adds 1 / distance, in both directions."""
    counts = collections.Counter(word for sentence in sentences for word in sentence)
    words = [w for w, c in counts.most_common() if c >= MIN_COUNT]
    index = {w: i for i, w in enumerate(words)}
    ids = np.array([index.get(w, -1) for s in sentences for w in s])
    sentence_of = np.repeat(np.arange(len(sentences)), [len(s) for s in sentences])
    rows, cols, weights = [], [], []
    for d in range(1, WINDOW + 1):
        ok = (sentence_of[:-d] == sentence_of[d:]) & (ids[:-d] >= 0) & (ids[d:] >= 0)
        rows += [ids[:-d][ok], ids[d:][ok]]
        cols += [ids[d:][ok], ids[:-d][ok]]
        weights += [np.full(ok.sum(), 1.0 / d)] * 2
    X = scipy.sparse.coo_matrix(
        (np.concatenate(weights), (np.concatenate(rows), np.concatenate(cols))), shape=(len(words),) * 2
    ).tocsr().tocoo()  # the round trip through CSR adds up repeated (i, j) entries
    return words, X


words, X = cooccurrence(brown_sentences())
x = X.data
f = np.minimum(1.0, (x / X_MAX) ** ALPHA)
print(f"{X.nnz:,} non-zero cells; GloVe's total weight sum(f) = {f.sum():,.0f}")
print(f"{'count':<16}{'cells':>12}{'share of cells':>16}{'share of the weight':>21}")
groups = [(0, 1, "below 1"), (1, 10, "1 to 10"), (10, X_MAX, "10 to 100"), (X_MAX, np.inf, "100 or more")]
for low, high, name in groups:
    group = (x >= low) & (x < high)
    print(f"{name:<16}{group.sum():>12,}{group.mean():>16.1%}{f[group].sum() / f.sum():>21.1%}")
