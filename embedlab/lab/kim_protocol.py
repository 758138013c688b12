"""Kim (2014)'s protocol for his sentence CNN, as his reference implementation runs it (conv_net_sentence.py in
github.com/yoonkim/CNN_sentence), on these machines.

Kept from the paper and the code: 10-fold cross-validation; filter widths 3, 4 and 5 with 100 maps each, ReLU,
max-over-time pooling, dropout 0.5; after each update the output weights' column norm is clipped to 3 (the code's
``sqr_norm_lim=9``); mini-batches of 50; Adadelta with rho 0.95 and epsilon 1e-6; a random tenth of each training
fold held back to choose the epoch; each sentence padded in front with (widest filter - 1) zeros; every word of the
data set in the vocabulary, words without a pretrained vector drawn uniformly, padding kept at zero. Four arms:
rand (every row drawn uniform(-0.25, 0.25), trained), static (pretrained, frozen), non-static (pretrained, trained)
and multichannel (a frozen and a trained copy of the pretrained table, each filter reading both).

Departures, for these 2-core CPUs: at most MAX_EPOCHS epochs and early stopping after PATIENCE epochs without a
better held-back accuracy (the code runs 25 epochs and reports the test accuracy of the best held-back epoch, which
is the epoch kept here too, except that a tie keeps the earlier epoch here and the later one there); one sigmoid
unit in place of a two-way softmax (the same model up to the max-norm clip); the site's tokenizer (lower case, words
and numbers, no punctuation) in place of the code's ``clean_str``; the folds a random permutation cut into ten
near-equal parts (the code draws each sentence's fold at random).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from embedlab.lab import training
from embedlab.lab.tasks import PAD, Vocabulary

FOLDS = 10
ARMS = ("rand", "static", "non-static", "multichannel")
WIDTHS, MAPS, DROPOUT, MAX_NORM = (3, 4, 5), 100, 0.5, 3.0
BATCH = 50
ADADELTA = {"learning_rate": 1.0, "rho": 0.95, "epsilon": 1e-6}
RAND_LIMIT = 0.25  # Kim's uniform(-0.25, 0.25) for rows without a pretrained vector
MAX_EPOCHS, PATIENCE = 25, 3
HELD_BACK = 0.1  # of each training fold: the texts that choose the epoch


def fold_of(n: int, seed: int = 0) -> np.ndarray:
    """Each of n texts' fold, 0 to FOLDS - 1: a random permutation cut into FOLDS near-equal parts."""
    fold = np.empty(n, dtype=int)
    fold[np.random.default_rng(seed).permutation(n)] = np.arange(n) % FOLDS
    return fold


def vocabulary(texts: list[list[str]]) -> Vocabulary:
    """Every word of the data set, most frequent first (Kim's code builds its table from all folds' words)."""
    counts: dict[str, int] = {}
    for text in texts:
        for w in text:
            counts[w] = counts.get(w, 0) + 1
    return Vocabulary(sorted(counts, key=lambda w: (-counts[w], w)))


def encode(vocab: Vocabulary, texts: list[list[str]], length: int) -> np.ndarray:
    """Ids of each text's first ``length`` words, after (widest filter - 1) zeros, padded with zeros at the end."""
    front = max(WIDTHS) - 1
    return np.pad(vocab.encode(texts, length), ((0, 0), (front, 0)))


def table(vocab: Vocabulary, vectors, dim: int, seed: int) -> np.ndarray:
    """The starting table: a pretrained vector where ``vectors`` has one, else uniform(-0.25, 0.25); padding zero.
    ``vectors=None`` gives the rand arm's table of width ``dim``."""
    rng = np.random.default_rng(seed)
    matrix = rng.uniform(-RAND_LIMIT, RAND_LIMIT, size=(len(vocab), dim)).astype("float32")
    if vectors is not None:
        for i, w in enumerate(vocab.words):
            if w in vectors.key_to_index:
                matrix[i] = vectors[w]
    matrix[PAD] = 0.0
    return matrix


def build(start: np.ndarray, length: int, arm: str):
    """Kim's CNN with its Embedding started from ``start``, trained or frozen as ``arm`` says.

    Conv1D and max-pooling ignore masks, so the vectors at padded positions are multiplied by zero: the padding row
    is never read (Kim's code resets it to zero after every update instead)."""
    import keras
    from keras import ops

    if arm not in ARMS:
        raise ValueError(f"unknown arm {arm!r}; choose from {', '.join(ARMS)}")
    rows, dim = start.shape
    inputs = keras.Input(shape=(length,), dtype="int32")
    words = ops.expand_dims(ops.cast(ops.not_equal(inputs, PAD), "float32"), -1)
    trained = keras.layers.Embedding(rows, dim, trainable=arm != "static", name="embedding")
    vectors = trained(inputs) * words
    if arm == "multichannel":
        frozen = keras.layers.Embedding(rows, dim, trainable=False, name="static_channel")
        vectors = keras.layers.Concatenate()([vectors, frozen(inputs) * words])  # a filter sums over both channels
    pooled = [keras.layers.GlobalMaxPooling1D()(keras.layers.Conv1D(MAPS, w, activation="relu")(vectors))
              for w in WIDTHS]
    features = keras.layers.Dropout(DROPOUT)(keras.layers.Concatenate()(pooled))
    unit = keras.layers.Dense(1, activation="sigmoid", kernel_constraint=keras.constraints.MaxNorm(MAX_NORM))
    model = keras.Model(inputs, unit(features))
    model.compile(optimizer=keras.optimizers.Adadelta(**ADADELTA), loss="binary_crossentropy")
    trained.set_weights([start])
    if arm == "multichannel":
        frozen.set_weights([start])
    return model


@dataclass
class FoldRun:
    accuracy: float  # on the fold's held-out texts, with the weights of the best held-back epoch
    probabilities: np.ndarray  # for the fold's held-out texts
    epochs: int  # epochs run
    best_epoch: int
    held_back_accuracy: float


def train_fold(start: np.ndarray, arm: str, x: np.ndarray, y: np.ndarray, train: np.ndarray, test: np.ndarray,
               seed: int, max_epochs: int = MAX_EPOCHS) -> FoldRun:
    """Train one arm on the texts ``train`` (a tenth held back) and score it on ``test``."""
    import keras

    keras.utils.set_random_seed(seed)
    rng = np.random.default_rng(seed)
    order = rng.permutation(train)
    cut = int(round(len(order) * HELD_BACK))
    held, fit = order[:cut], order[cut:]
    model = build(start, x.shape[1], arm)
    run = training.Training(model, x[fit], y[fit])
    best, kept, wait = -1.0, None, 0
    for epoch in range(1, max_epochs + 1):
        run.epoch(rng.permutation(len(fit)), BATCH)
        weights = run.weights()
        accuracy = float(((training.probabilities(model, x[held], weights) > 0.5) == y[held]).mean())
        if accuracy > best:
            best, kept, wait = accuracy, (weights, epoch), 0
        else:
            wait += 1
            if wait >= PATIENCE:
                break
    run.keep(kept[0])
    p = training.probabilities(model, x[test])
    return FoldRun(float(((p > 0.5) == y[test]).mean()), p, epoch, kept[1], best)


def corrected_interval(differences, test_share: float, confidence: float = 0.95) -> dict:
    """Mean of per-fold values and its interval with Nadeau and Bengio (2003)'s corrected variance: folds share
    most of their training texts, so the plain t-interval over folds is too narrow; the variance of the mean is
    taken as (1/k + n_test/n_train) times the folds' variance instead of 1/k times."""
    from scipy import stats

    d = np.asarray(differences, dtype=float)
    k = len(d)
    mean = float(d.mean())
    if k < 2:
        return {"mean": mean, "low": float("nan"), "high": float("nan")}
    half = float(stats.t.ppf((1 + confidence) / 2, k - 1)
                 * np.sqrt((1 / k + test_share / (1 - test_share)) * d.var(ddof=1)))
    return {"mean": mean, "low": mean - half, "high": mean + half}
