"""The Keras classifier whose first layer is an Embedding: built, trained with early stopping, and scored."""

from __future__ import annotations

import numpy as np

from embedlab.lab.constants import DIM
from embedlab.lab.tasks import PAD, Vocabulary


def embedding_matrix(vocab: Vocabulary, pretrained, seed: int) -> np.ndarray:
    """Pre-trained vectors where they exist; Keras's default uniform(-0.05, 0.05) start elsewhere; zeros for padding."""
    rng = np.random.default_rng(seed)
    matrix = rng.uniform(-0.05, 0.05, size=(len(vocab), pretrained.vector_size)).astype("float32")
    for i, w in enumerate(vocab.words):
        if w in pretrained.key_to_index:
            matrix[i] = pretrained[w]
    matrix[PAD] = 0.0
    return matrix


def build_model(vocab_size: int, length: int, dim: int = DIM, matrix=None, trainable: bool = True,
                optimizer="adam"):
    """Embedding -> mean over the words (padding masked) -> one sigmoid unit."""
    import keras

    start = "uniform" if matrix is None else keras.initializers.Constant(matrix)
    embedding = keras.layers.Embedding(vocab_size, dim, start, mask_zero=True, trainable=trainable, name="embedding")
    inputs = keras.Input(shape=(length,), dtype="int32")
    pooled = keras.layers.GlobalAveragePooling1D(name="pooled")(embedding(inputs))
    model = keras.Model(inputs, keras.layers.Dense(1, activation="sigmoid")(pooled))
    model.compile(optimizer=optimizer, loss="binary_crossentropy")
    return model


def fit(model, x, y, seed: int, batch_size: int = 32, steps_per_epoch: int = 30, patience: int = 3) -> int:
    """Train with early stopping on a validation tenth of (x, y), keeping the best weights; returns the epochs run.

    A small training set is repeated within an epoch so that every epoch makes at least ``steps_per_epoch``
    updates: 50 examples are then not judged after a handful of gradient steps, and Keras's per-epoch overhead
    (validation, callbacks) does not dominate the run.
    """
    import keras

    held = np.random.default_rng(seed).permutation(len(x))
    n_val = max(5, len(x) // 10)
    val, train = held[:n_val], held[n_val:]
    train = np.tile(train, int(np.ceil(steps_per_epoch * batch_size / len(train))))
    stop = keras.callbacks.EarlyStopping(patience=patience, restore_best_weights=True)
    history = model.fit(x[train], y[train], validation_data=(x[val], y[val]), batch_size=batch_size, epochs=20,
                        shuffle=True, verbose=0, callbacks=[stop])
    return len(history.history["loss"])


def scores(model, x, y) -> dict[str, float]:
    from sklearn.metrics import accuracy_score, f1_score, roc_auc_score

    p = model.predict(x, batch_size=1024, verbose=0)[:, 0]
    return {
        "accuracy": float(accuracy_score(y, p > 0.5)),
        "f1": float(f1_score(y, p > 0.5)),
        "roc_auc": float(roc_auc_score(y, p)),
    }
