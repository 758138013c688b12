"""GloVe's starting point on real counts: ratios of co-occurrence probabilities, and the cells its weighting acts on.

Counts the Brown corpus as the GloVe page's snippet does (window 10, a pair d words apart adds 1/d, words seen at
least 5 times), prints P(k|i) / P(k|j) for a few probe pairs, and how GloVe's weight f(X) spreads over the cells.
"""

import collections
import sys
import zipfile

import nltk
import numpy as np
import scipy.sparse

WINDOW, MIN_COUNT, X_MAX, ALPHA = 10, 5, 100.0, 0.75
# Probe pairs (i, j) and the context words k shown for each: some that go with i rather than j, some with j
# rather than i, and one that goes with both alike.
PROBES = {
    ("he", "she"): ["his", "man", "her", "woman", "could"],
    ("husband", "wife"): ["her", "his", "who"],
    ("day", "night"): ["next", "last", "at", "the"],
}


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


def cooccurrence(sentences) -> tuple[list[str], scipy.sparse.csr_matrix]:
    """The vocabulary and the counts X[i, k]: each pair within WINDOW words adds 1 / distance, in both directions."""
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
    ).tocsr()  # converting to CSR adds up repeated (i, k) entries
    return words, X


if __name__ == "__main__":
    words, X = cooccurrence(brown_sentences())
    index = {w: i for i, w in enumerate(words)}
    print(f"{len(words):,} words seen {MIN_COUNT} times or more; {X.nnz:,} non-zero cells X_ik")

    # --8<-- [start:ratios]
    row_totals = np.asarray(X.sum(axis=1)).ravel()  # X_i: all co-occurrences of word i

    def p(k: str, i: str) -> float:
        """P(k|i) = X_ik / X_i: the share of i's co-occurrences that are with k."""
        return X[index[i], index[k]] / row_totals[index[i]]

    print(f"\n{'i':>8} {'j':>6} {'k':>7} {'X_ik':>7} {'X_jk':>7} {'P(k|i)':>8} {'P(k|j)':>8} {'P(k|i)/P(k|j)':>14}")
    for (i, j), contexts in PROBES.items():
        for k in contexts:
            counts = f"{X[index[i], index[k]]:7.1f} {X[index[j], index[k]]:7.1f}"
            print(f"{i:>8} {j:>6} {k:>7} {counts} {p(k, i):8.5f} {p(k, j):8.5f} {p(k, i) / p(k, j):14.2f}")
    # --8<-- [end:ratios]

    # Not only the hand-picked contexts: the most extreme ratios over all contexts that occur at least 5 times
    # (in X, after the 1/d weights) with both words of the pair.
    print("\nmost extreme ratios over every context k with X_ik >= 5 and X_jk >= 5:")
    for i, j in PROBES:
        xi, xj = (X[index[w]].toarray().ravel() for w in (i, j))
        both = np.flatnonzero((xi >= 5) & (xj >= 5))
        ratio = (xi[both] / row_totals[index[i]]) / (xj[both] / row_totals[index[j]])
        order = both[np.argsort(ratio)]
        print(f"  {i}/{j}, above 1: " + ", ".join(words[k] for k in order[::-1][:5]))
        print(f"  {i}/{j}, below 1: " + ", ".join(words[k] for k in order[:5]))

    # --8<-- [start:weights]
    x = X.data
    f = np.minimum(1.0, (x / X_MAX) ** ALPHA)
    print(f"\nwhere the weight f(X) = min(1, (X/{X_MAX:.0f})^{ALPHA}) goes, by the size of the count:")
    print(f"{'X_ik':>14} {'cells':>8} {'co-occurrences':>15} {'weight f':>9}")
    bands = [("under 1", 0, 1), ("1 to 10", 1, 10), ("10 to 100", 10, 100), ("100 or more", 100, np.inf)]
    for label, low, high in bands:
        cells = (x >= low) & (x < high)
        print(f"{label:>14} {cells.mean():8.1%} {x[cells].sum() / x.sum():15.1%} "
              f"{f[cells].sum() / f.sum():9.1%}")
    # --8<-- [end:weights]
