"""Classifiers trained from scratch on each task (random init), cached so that several experiments can share them.

The model is Embedding -> masked mean -> sigmoid unit, so a trained model is fully described by its vocabulary,
its embedding table and the unit's weights; those are what the cache keeps.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from embedlab.data.files import FILES
from embedlab.lab.backend import BACKEND, use_backend
from embedlab.lab.classifier import build_model, fit, scores
from embedlab.lab.tasks import LENGTH, PAD, Task, Vocabulary, load_task, task_vocabulary
from embedlab.store import atomic_save, cache_dir, fingerprint

QUICK_TRAIN = 4000  # training texts per task in quick mode


@dataclass
class TaskModel:
    vocab: Vocabulary
    table: np.ndarray  # the trained Embedding weights, one row per vocabulary id
    unit: np.ndarray  # the Dense unit's weights (dim,) and bias, as one vector of dim + 1
    scores: dict[str, float]
    epochs: int

    def pooled(self, texts: list[list[str]]) -> np.ndarray:
        """The output of the layer after the Embedding: the mean of each text's word vectors, padding left out."""
        ids = self.vocab.encode(texts, max(map(len, texts)))
        mask = (ids != PAD)[..., None]
        return (self.table[ids] * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1)


def training_indices(task: Task, quick: bool) -> np.ndarray:
    """The whole training split, or in quick mode a random part of it (the split itself is sorted by label)."""
    if not quick:
        return task.train
    return np.sort(np.random.default_rng(0).choice(task.train, size=QUICK_TRAIN, replace=False))


def _key(task: str, seed: int, quick: bool) -> str:
    data = [f.sha256 for f in FILES.values()]
    return fingerprint(modules=[__name__], params=[task, seed, quick, BACKEND], data=data)[:16]


def _train(task: Task, seed: int, quick: bool) -> TaskModel:
    use_backend()
    import keras

    keras.utils.set_random_seed(seed)
    train = training_indices(task, quick)
    vocab = task_vocabulary(task, train)
    x = vocab.encode(task.texts, LENGTH[task.name])
    model = build_model(len(vocab), LENGTH[task.name])
    epochs = fit(model, x[train], task.labels[train], seed)
    kernel, bias = model.layers[-1].get_weights()
    table = model.get_layer("embedding").get_weights()[0]
    held_out = scores(model, x[task.test], task.labels[task.test])
    return TaskModel(vocab, table, np.append(kernel[:, 0], bias), held_out, epochs)


def task_model(name: str, seed: int, quick: bool) -> TaskModel:
    path = cache_dir() / "task_models" / f"{name}-{_key(name, seed, quick)}.npz"
    if path.is_file():
        saved = np.load(path, allow_pickle=False)
        return TaskModel(Vocabulary(list(saved["words"][2:])), saved["table"], saved["unit"],
                         dict(zip(saved["metric_names"], saved["metric_values"].tolist())), int(saved["epochs"]))
    trained = _train(load_task(name), seed, quick)
    atomic_save(path, lambda temporary: np.savez(
        temporary, words=np.array(trained.vocab.words), table=trained.table, unit=trained.unit,
        metric_names=np.array(list(trained.scores)), metric_values=np.array(list(trained.scores.values())),
        epochs=trained.epochs))
    return trained
