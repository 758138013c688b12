"""The supervised side: labelled texts, their vocabulary, and a Keras classifier whose first layer is an Embedding."""

from __future__ import annotations

import collections
import re
from dataclasses import dataclass

import numpy as np

from embedlab.corpus import clickbait_headlines, sentence_polarity

TASKS = ("clickbait", "polarity")
_TOKEN = re.compile(r"[a-z]+|\d+")  # digits kept: "17 things ..." is a strong clickbait cue
PAD, UNKNOWN = 0, 1
LENGTH = {"clickbait": 24, "polarity": 50}  # tokens kept per text: covers the longest headline / almost all sentences


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


@dataclass
class Task:
    name: str
    texts: list[list[str]]
    labels: np.ndarray
    train: np.ndarray  # indices of the training split
    test: np.ndarray  # indices of the held-out split


def load_task(name: str, test_share: float = 0.2) -> Task:
    """A task's tokenised texts and labels, with one fixed random 80/20 split (seed 0) shared by every experiment."""
    if name == "clickbait":
        raw, labels = clickbait_headlines()
        texts = [tokenize(t) for t in raw]
    elif name == "polarity":
        sentences, labels = sentence_polarity()
        texts = [tokenize(" ".join(s)) for s in sentences]
    else:
        raise ValueError(f"unknown task {name!r}; choose from {', '.join(TASKS)}")
    order = np.random.default_rng(0).permutation(len(texts))
    cut = int(len(order) * (1 - test_share))
    return Task(name, texts, np.array(labels), np.sort(order[:cut]), np.sort(order[cut:]))


class Vocabulary:
    """Token ids: 0 is padding, 1 is an unknown word, then ``words`` in the order given."""

    def __init__(self, words: list[str]):
        self.words = ["", "[UNK]", *words]
        self.index = {w: i for i, w in enumerate(self.words)}

    def __len__(self) -> int:
        return len(self.words)

    def encode(self, texts: list[list[str]], length: int) -> np.ndarray:
        ids = np.zeros((len(texts), length), dtype="int32")
        for row, text in enumerate(texts):
            tokens = [self.index.get(w, UNKNOWN) for w in text[:length]]
            ids[row, : len(tokens)] = tokens
        return ids


def task_vocabulary(task: Task, train: np.ndarray, pretrained=None) -> Vocabulary:
    """Words of the training texts, plus (when pre-trained vectors are given) every word of the task's texts that
    has a pre-trained vector: a model initialised from word2vec can then use words it never saw in training."""
    counts = collections.Counter(w for i in train for w in task.texts[i])
    words = sorted(counts, key=lambda w: (-counts[w], w))
    if pretrained is not None:
        seen = set(words)
        extra = {w for text in task.texts for w in text if w not in seen and w in pretrained.key_to_index}
        words += sorted(extra)
    return Vocabulary(words)


def embedding_matrix(vocab: Vocabulary, pretrained, seed: int) -> np.ndarray:
    """Pre-trained vectors where they exist; Keras's default uniform(-0.05, 0.05) start elsewhere; zeros for padding."""
    rng = np.random.default_rng(seed)
    matrix = rng.uniform(-0.05, 0.05, size=(len(vocab), pretrained.vector_size)).astype("float32")
    for i, w in enumerate(vocab.words):
        if w in pretrained.key_to_index:
            matrix[i] = pretrained[w]
    matrix[PAD] = 0.0
    return matrix


def build_model(vocab_size: int, length: int, dim: int = 100, matrix=None, trainable: bool = True,
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
