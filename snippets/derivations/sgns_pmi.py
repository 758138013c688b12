"""Does SGNS factorise a shifted PMI matrix? gensim's skip-gram against PMI counted in the same windows.

Trains gensim's Word2Vec (skip-gram, k noise words) on the Brown corpus, counts the (word, context) pairs that its
windows produce, and compares each pair's dot product w.c with the value Levy and Goldberg (2014) derive for it.
"""

import sys
import zipfile

import nltk
import numpy as np
import scipy.sparse
from gensim.models import Word2Vec
from scipy.stats import pearsonr, spearmanr

DIM, WINDOW, K, EPOCHS, MIN_COUNT, FREQUENT = 100, 5, 5, 5, 5, 20


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


def pair_counts(sentences, index: dict[str, int]) -> scipy.sparse.coo_matrix:
    """How often gensim trains on each (word, context) pair per pass, on average. gensim drops the words outside
    its vocabulary first, then shrinks the window of each position to a random size from 1 to WINDOW, so a pair
    d words apart is trained with probability (WINDOW - d + 1) / WINDOW."""
    ids = [np.array([index[w] for w in s if w in index]) for s in sentences]
    flat = np.concatenate(ids)
    sentence_of = np.repeat(np.arange(len(ids)), [len(s) for s in ids])
    rows, cols, weights = [], [], []
    for d in range(1, WINDOW + 1):
        ok = sentence_of[:-d] == sentence_of[d:]
        rows += [flat[:-d][ok], flat[d:][ok]]
        cols += [flat[d:][ok], flat[:-d][ok]]
        weights += [np.full(ok.sum(), (WINDOW - d + 1) / WINDOW)] * 2
    n = len(index)
    return scipy.sparse.coo_matrix(
        (np.concatenate(weights), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n)).tocsr().tocoo()


def dots(word_ids: np.ndarray, context_ids: np.ndarray, chunk: int = 100_000) -> np.ndarray:
    """w.c for each (word, context) pair: a word's vector (gensim's wv) against a context's output vector (syn1neg),
    a chunk of pairs at a time (all two million at once would take gigabytes)."""
    return np.concatenate([
        np.einsum("ij,ij->i", model.wv.vectors[word_ids[i: i + chunk]], model.syn1neg[context_ids[i: i + chunk]])
        for i in range(0, len(word_ids), chunk)])


sentences = brown_sentences()
model = Word2Vec(sentences, sg=1, vector_size=DIM, window=WINDOW, negative=K, min_count=MIN_COUNT, epochs=EPOCHS,
                 sample=0,  # no subsampling: the pairs trained on are then exactly the pairs counted below
                 workers=1, seed=0)  # one worker thread: with more, the result depends on thread timing
words = model.wv.index_to_key
C = pair_counts(sentences, {w: i for i, w in enumerate(words)})
print(f"{len(words):,} words, {DIM} dimensions, window {WINDOW}, k = {K} noise words, {EPOCHS} passes")
print(f"{C.nnz:,} distinct (word, context) pairs in the windows")

# --8<-- [start:pmi]
dot = dots(C.row, C.col)  # w.c, gensim's wv row against its syn1neg row, for every counted pair
n_w = np.asarray(C.sum(axis=1)).ravel()  # #(w): pairs with w as the word
n_c = np.asarray(C.sum(axis=0)).ravel()  # #(c): pairs with c as the context
pmi = np.log(C.data * C.data.sum() / (n_w[C.row] * n_c[C.col]))
# gensim draws noise words in proportion to count^0.75, not count: the optimum then has that
# distribution, P_n(c), where PMI has the context's own share of the pairs, #(c) / |D|.
counts = np.array([model.wv.get_vecattr(w, "count") for w in words], dtype=float)
p_noise = counts**0.75 / (counts**0.75).sum()
smoothed_pmi = np.log(C.data / (n_w[C.row] * p_noise[C.col]))
targets = {"PMI - log k": pmi - np.log(K), "smoothed PMI - log k": smoothed_pmi - np.log(K)}
# --8<-- [end:pmi]

frequent = C.data >= FREQUENT
print(f"\nfrequent pairs, trained on {FREQUENT} times or more per pass ({frequent.sum():,} pairs):")
print(f"{'target of w.c':>22} {'Pearson':>8} {'Spearman':>9} {'slope':>6} {'mean of w.c - target':>21}")
for name, target in targets.items():
    x, y = target[frequent], dot[frequent]
    slope = np.polyfit(x, y, 1)[0]
    print(f"{name:>22} {pearsonr(x, y)[0]:8.3f} {spearmanr(x, y)[0]:9.3f} {slope:6.2f} {np.mean(y - x):21.2f}")

print("\nagainst smoothed PMI - log k, by how often a pair is trained on per pass:")
print(f"{'times':>12} {'pairs':>10} {'Pearson':>8} {'mean of w.c - target':>21}")
target = targets["smoothed PMI - log k"]
for label, low, high in [("under 1", 0, 1), ("1 to 5", 1, 5), ("5 to 20", 5, 20), ("20 or more", 20, np.inf)]:
    band = (C.data >= low) & (C.data < high)
    print(f"{label:>12} {band.sum():10,} {pearsonr(target[band], dot[band])[0]:8.3f} "
          f"{np.mean(dot[band] - target[band]):21.2f}")

# Pairs never seen together have PMI = -infinity; SGNS leaves them at a finite dot product.
rng = np.random.default_rng(0)
top = 2000
w, c = rng.integers(0, top, 100_000), rng.integers(0, top, 100_000)
unseen = np.asarray(C.tocsr()[w, c]).ravel() == 0
unseen_dots = dots(w[unseen], c[unseen])
print(f"\npairs of the {top:,} most frequent words never seen together ({unseen.sum():,} of 100,000 drawn):")
print(f"  w.c mean {unseen_dots.mean():.2f}, 1st to 99th percentile "
      f"{np.percentile(unseen_dots, 1):.2f} to {np.percentile(unseen_dots, 99):.2f}")
