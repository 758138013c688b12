"""The Keras classifier whose first layer is an Embedding: built, trained with early stopping, and scored."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from embedlab.lab import training
from embedlab.lab.constants import DIM
from embedlab.lab.tasks import PAD, Vocabulary
from embedlab.lab.training import TABLE_ROWS_STEP


def embedding_matrix(vocab: Vocabulary, pretrained, seed: int, missing: str = "keras") -> np.ndarray:
    """Pre-trained vectors where they exist; zeros for padding; uniform noise for the other words, either Keras's
    default Embedding start uniform(-0.05, 0.05) (``missing="keras"``) or noise with the pretrained table's own
    standard deviation (``"table"``, as Kim 2014 does for words word2vec lacks)."""
    limit = 0.05 if missing == "keras" else float(pretrained.vectors.std()) * 3**0.5  # uniform(-a, a): sd a/sqrt(3)
    rng = np.random.default_rng(seed)
    matrix = rng.uniform(-limit, limit, size=(len(vocab), pretrained.vector_size)).astype("float32")
    for i, w in enumerate(vocab.words):
        if w in pretrained.key_to_index:
            matrix[i] = pretrained[w]
    matrix[PAD] = 0.0
    return matrix


def build_model(vocab_size: int, length: int, dim: int = DIM, optimizer="adam", trainable: bool = True):
    """Embedding -> mean over the words (padding masked) -> one sigmoid unit."""
    import keras

    embedding = keras.layers.Embedding(vocab_size, dim, mask_zero=True, trainable=trainable, name="embedding")
    inputs = keras.Input(shape=(length,), dtype="int32")
    pooled = keras.layers.GlobalAveragePooling1D(name="pooled")(embedding(inputs))
    model = keras.Model(inputs, keras.layers.Dense(1, activation="sigmoid")(pooled))
    model.compile(optimizer=optimizer, loss="binary_crossentropy")
    return model


def fit(model, x, y, seed: int, batch_size: int = 32, steps_per_epoch: int = 30, patience: int = 3) -> int:
    """Train with early stopping on a validation tenth of (x, y) (see _split), keeping the best weights; returns the
    epochs run."""
    return _until_converged(model, x, y, seed, 20, batch_size, patience, steps_per_epoch, min_delta=0.0)[0]


def _split(n: int, seed: int, batch_size: int, steps_per_epoch: int) -> tuple[np.ndarray, np.ndarray]:
    """Indices of a training part and a validation tenth (at least 5) of n examples. The training part is repeated
    so that an epoch makes at least ``steps_per_epoch`` updates: 50 examples are then not judged after a handful of
    gradient steps, and Keras's per-epoch overhead (validation, callbacks) does not dominate the run."""
    held = np.random.default_rng(seed).permutation(n)
    n_val = max(5, n // 10)
    val, train = held[:n_val], held[n_val:]
    return train[repeated(len(train), batch_size, steps_per_epoch)], val


def probabilities(model, x) -> np.ndarray:
    """The model's probability of label 1 for each row of x."""
    return training.probabilities(model, x)


def scores(model, x, y) -> dict[str, float]:
    return scores_of(probabilities(model, x), y)


def scores_of(p: np.ndarray, y: np.ndarray) -> dict[str, float]:
    """Accuracy and F1 at the threshold 0.5, and ROC-AUC, of probabilities p for labels y."""
    from sklearn.metrics import accuracy_score, f1_score, roc_auc_score

    return {
        "accuracy": float(accuracy_score(y, p > 0.5)),
        "f1": float(f1_score(y, p > 0.5)),
        "roc_auc": float(roc_auc_score(y, p)),
    }


def build_cnn(vocab_size: int, length: int, dim: int = DIM, optimizer="adam", trainable: bool = True,
              widths=(3, 4, 5), filters: int = 100, dropout: float = 0.5):
    """Kim (2014)'s sentence CNN: Embedding -> Conv1D of widths 3, 4, 5 (100 filters each, ReLU) -> max over the
    positions -> dropout 0.5 -> one sigmoid unit.

    Conv1D and max-pooling ignore Keras masks: they would read the padding row like a word, and train it. So the
    vectors at padded positions are multiplied by zero first; the padding row is then never read and never moves.
    """
    import keras
    from keras import ops

    inputs = keras.Input(shape=(length,), dtype="int32")
    embedding = keras.layers.Embedding(vocab_size, dim, trainable=trainable, name="embedding")
    words = ops.expand_dims(ops.cast(ops.not_equal(inputs, PAD), "float32"), -1)
    vectors = embedding(inputs) * words
    convolutions = [keras.layers.Conv1D(filters, w, activation="relu", name=f"conv{w}") for w in widths]
    pooled = [keras.layers.GlobalMaxPooling1D()(convolution(vectors)) for convolution in convolutions]
    features = keras.layers.Dropout(dropout)(keras.layers.Concatenate()(pooled))
    model = keras.Model(inputs, keras.layers.Dense(1, activation="sigmoid")(features))
    model.compile(optimizer=optimizer, loss="binary_crossentropy")
    return model


@dataclass
class Trained:
    model: object
    rate: float  # Adam's learning rate, chosen on the validation split
    epochs: int  # epochs run before early stopping (or max_epochs)
    stopped: bool  # early stopping ended the run (False: it reached max_epochs, still improving)
    validation_accuracy: float


# Early stopping's definition of "converged": the validation loss has not improved by more than this for
# ``patience`` epochs. Without it, a frozen table's runs creep on by 1e-4 per epoch until any cap stops them.
CONVERGED = 1e-3


def train_selected(build, x, y, seed: int, rates, max_epochs: int, batch_size: int = 50, patience: int = 2,
                   steps_per_epoch: int = 30) -> Trained:
    """Train ``build(optimizer)`` once per Adam learning rate in ``rates``, each until converged on the validation
    loss of the same held-back tenth of (x, y) (early stopping, CONVERGED), and keep the one with the best validation
    accuracy.

    The held-out split is never seen; a small training set is repeated within an epoch (see _split).
    """
    import keras

    best = None
    for rate in rates:
        keras.utils.set_random_seed(seed)
        model = build(keras.optimizers.Adam(rate))
        epochs, accuracy = _until_converged(model, x, y, seed, max_epochs, batch_size, patience, steps_per_epoch)
        if best is None or accuracy > best.validation_accuracy:
            best = Trained(model, rate, epochs, epochs < max_epochs, accuracy)
    return best


def _until_converged(model, x, y, seed: int, max_epochs: int, batch_size: int, patience: int, steps_per_epoch: int,
                     min_delta: float = CONVERGED) -> tuple[int, float]:
    """Train on the training part of (x, y) (see _split), reshuffled every epoch, until the validation tenth's loss
    has not improved by more than ``min_delta`` for ``patience`` epochs or ``max_epochs`` have run; the model keeps
    the weights of its best epoch. Keras's EarlyStopping(min_delta, patience, restore_best_weights=True) on
    "val_loss" decides the same way. Returns the epochs run and the best weights' validation accuracy."""
    train, val = _split(len(x), seed, batch_size, steps_per_epoch)
    run = training.Training(model, x[train], y[train])
    order = np.random.default_rng(seed)
    best, kept, wait = np.inf, None, 0
    for epoch in range(max_epochs):
        run.epoch(order.permutation(len(train)), batch_size)
        weights = run.weights()
        p = training.probabilities(model, x[val], weights)
        current = training.loss(p, y[val])
        wait += 1
        if current < best - min_delta:
            best, kept, wait = current, (weights, p), 0
        elif wait >= patience and epoch > 0:
            break
    run.keep(kept[0])
    return epoch + 1, float(((kept[1] > 0.5) == y[val]).mean())


UNFREEZE_RATE = 0.1  # the recipe's second stage trains at this share of the first stage's learning rate


def unfreeze(model, rate: float) -> None:
    """Make a model's Embedding trainable and recompile it (Keras fixes what trains at compile time)."""
    import keras

    model.get_layer("embedding").trainable = True
    model.compile(optimizer=keras.optimizers.Adam(rate), loss="binary_crossentropy")


def unfreeze_and_train(frozen: Trained, x, y, seed: int, max_epochs: int, batch_size: int = 50, patience: int = 2,
                       steps_per_epoch: int = 30) -> Trained:
    """The freeze-then-unfreeze recipe: a model trained to convergence with its Embedding frozen, trained on with the
    Embedding trainable at UNFREEZE_RATE times the first stage's rate, until converged on the same validation split.
    ``epochs`` counts the second stage only."""
    import keras

    keras.utils.set_random_seed(seed)
    rate = frozen.rate * UNFREEZE_RATE
    unfreeze(frozen.model, rate)
    epochs, accuracy = _until_converged(frozen.model, x, y, seed, max_epochs, batch_size, patience, steps_per_epoch)
    return Trained(frozen.model, rate, epochs, epochs < max_epochs, accuracy)


def repeated(n: int, batch_size: int, steps_per_epoch: int) -> np.ndarray:
    """Indices 0..n-1, repeated so that one epoch makes at least ``steps_per_epoch`` updates (see _split)."""
    return np.tile(np.arange(n), int(np.ceil(steps_per_epoch * batch_size / n)))


def train_budget(model, x, y, seed: int, epochs: int, batch_size: int = 50, steps_per_epoch: int = 30,
                 watch=None) -> list[float]:
    """Train for a fixed number of epochs on all of (x, y), with no validation split and no early stopping; with
    ``watch`` = (x_dev, y_dev), the accuracy on those texts after each epoch (the curve a budget is chosen from)."""
    run = training.Training(model, *(np.asarray(a)[repeated(len(x), batch_size, steps_per_epoch)] for a in (x, y)))
    order = np.random.default_rng(seed)
    curve = []
    for _ in range(epochs):
        run.epoch(order.permutation(len(run.x)), batch_size)
        if watch:
            curve.append(float(((training.probabilities(model, watch[0], run.weights()) > 0.5) == watch[1]).mean()))
    run.keep()
    return curve


def start_builder(build, start: str, tables: dict[str, np.ndarray], length: int):
    """``build`` (build_model or build_cnn) as a function of the optimizer, with one start for its Embedding: "random"
    (Keras's default start, trained) or a pretrained table, "GloVe 6B ..." from ``tables["glove"]`` or
    "word2vec ..." from ``tables["word2vec"]``, "... frozen" or trained."""
    source = "glove" if start.startswith("GloVe") else "word2vec" if start.startswith("word2vec") else None
    words, dim = tables[source or "glove"].shape  # the random start takes GloVe's size
    # Rounded up: every training subset has its own vocabulary, and each new table shape makes JAX compile the
    # model's steps again; rounded, the subsets of a task share one or two shapes. The extra rows are never looked up.
    rows = -(-words // TABLE_ROWS_STEP) * TABLE_ROWS_STEP

    def model(optimizer):
        built = build(rows, length, dim, optimizer=optimizer, trainable=not start.endswith("frozen"))
        if source:
            built.get_layer("embedding").set_weights([np.pad(tables[source], ((0, rows - words), (0, 0)))])
        return built

    return model


def train_start(build, start: str, tables: dict[str, np.ndarray], x, y, seed: int, rates, max_epochs: int,
                batch_size: int = 50) -> Trained:
    """Train ``build`` with one start for its Embedding (start_builder); the learning rate is chosen as
    train_selected does."""
    return train_selected(start_builder(build, start, tables, x.shape[1]), x, y, seed, rates, max_epochs, batch_size)
