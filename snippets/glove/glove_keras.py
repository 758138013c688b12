"""GloVe written as a Keras model: two Embedding tables and two bias tables fitted to log co-occurrence counts.

Trained on the Brown corpus; prints the nearest neighbours of a few probe words.
Run with --small to train on the first 5,000 sentences only (what the tests do).
"""

import argparse
import collections
import sys
import zipfile

import keras
import nltk
import numpy as np
import scipy.sparse
from gensim.models import KeyedVectors

DIM, WINDOW, MIN_COUNT, X_MAX, ALPHA, EPOCHS, BATCH = 100, 10, 5, 100.0, 0.75, 10, 32768
PROBES = ["money", "church", "president", "water", "good", "week"]


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


def train(words: list[str], X: scipy.sparse.coo_matrix, seed: int = 0, log=print) -> np.ndarray:
    """Fit the model to log X and return each word's vector: as in the GloVe paper, the sum of its two rows."""
    keras.utils.set_random_seed(seed)
    # --8<-- [start:model]
    i_in = keras.Input(shape=(), dtype="int32")
    j_in = keras.Input(shape=(), dtype="int32")
    w_i = keras.layers.Embedding(len(words), DIM, name="word_table")(i_in)
    w_j = keras.layers.Embedding(len(words), DIM, name="context_table")(j_in)
    b_i = keras.layers.Embedding(len(words), 1, "zeros")(i_in)
    b_j = keras.layers.Embedding(len(words), 1, "zeros")(j_in)
    prediction = keras.ops.sum(w_i * w_j, axis=-1, keepdims=True) + b_i + b_j  # (batch, 1)
    model = keras.Model([i_in, j_in], prediction)
    # --8<-- [end:model]

    # GloVe's loss, the sum of f(X_ij) (w_i.w_j + b_i + b_j - log X_ij)^2, is a squared error with weights f(X_ij).
    f = np.minimum(1.0, (X.data / X_MAX) ** ALPHA)
    # AdaGrad with rate 0.05, as in the paper; Keras's Adagrad updates every row of the tables at each step,
    # so large batches keep the number of steps small.
    model.compile(optimizer=keras.optimizers.Adagrad(0.05), loss=keras.losses.MeanSquaredError(reduction="sum"),
                  jit_compile=True)
    history = model.fit([X.row, X.col], np.log(X.data)[:, None], sample_weight=f, batch_size=BATCH, epochs=EPOCHS,
                        shuffle=True, verbose=0)
    loss = history.history["loss"]
    log(f"weighted squared error per batch: epoch 1 {loss[0]:.1f}, epoch {EPOCHS} {loss[-1]:.1f}")
    return sum(model.get_layer(name).get_weights()[0] for name in ("word_table", "context_table"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", action="store_true", help="train on the first 5,000 sentences")
    args = parser.parse_args()

    words, X = cooccurrence(brown_sentences()[: 5000 if args.small else None])
    print(f"vocabulary of {len(words):,} words, {X.nnz:,} non-zero co-occurrence counts")
    vectors = KeyedVectors(DIM)  # gensim's container, used here only for its nearest-neighbour search
    vectors.add_vectors(words, train(words, X))
    for probe in PROBES:
        if probe in vectors:
            print(f"{probe:>10}: " + ", ".join(w for w, _ in vectors.most_similar(probe, topn=6)))
