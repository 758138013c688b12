"""Exercise: fit GloVe's objective with no vectors at all, only the two biases: log X_ij ~ b_i + b~_j. How much of
the weighted error does that remove, what do the biases learn, and which cells are left for the vectors to explain?

The biases are fitted exactly, by weighted least squares: with the context biases fixed, each word bias is the
f-weighted mean of log X_ij - b~_j over its cells, and the other way round, repeated until nothing changes.
"""

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


sentences = brown_sentences()
words, X = cooccurrence(sentences)
i, j, target = X.row, X.col, np.log(X.data)
f = np.minimum(1.0, (X.data / X_MAX) ** ALPHA)
V = len(words)
weight_i, weight_j = np.bincount(i, f, V), np.bincount(j, f, V)  # a word with no cell keeps the bias 0
b, b_context = np.zeros(V), np.zeros(V)
for _ in range(20):
    b = np.divide(np.bincount(i, f * (target - b_context[j]), V), weight_i, out=np.zeros(V), where=weight_i > 0)
    b_context = np.divide(np.bincount(j, f * (target - b[i]), V), weight_j, out=np.zeros(V), where=weight_j > 0)
residual = target - b[i] - b_context[j]

constant = np.average(target, weights=f)  # the best single number for every cell
error_constant = np.sum(f * (target - constant) ** 2)
error_biases = np.sum(f * residual**2)
print(f"weighted squared error: one constant {error_constant:,.0f}, the two biases {error_biases:,.0f} "
      f"({1 - error_biases / error_constant:.0%} less)")
counts = collections.Counter(w for s in sentences for w in s)
log_count = np.log([counts[w] for w in words])
print(f"correlation of a word's bias with the log of its count: {np.corrcoef(b, log_count)[0, 1]:.2f}")
print("cells with f > 1/2 that the biases fit worst (log X_ij - b_i - b~_j), each pair once:")
worst = [k for k in np.argsort(-np.abs(residual) * (f > 0.5)) if i[k] < j[k]][:8]  # X is symmetric
for line in (worst[:4], worst[4:]):
    print("  " + ", ".join(f"({words[i[k]]}, {words[j[k]]}) {residual[k]:+.1f}" for k in line))
