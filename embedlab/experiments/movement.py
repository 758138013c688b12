"""Which rows of the Embedding move during training, and how far, with SGD and with Adam.

The sentence-polarity classifier is trained from a random start; after every epoch the table is compared with its
start. Rows are grouped by how often their word occurs in the training texts; the vocabulary also holds words that
occur only in held-out texts, whose rows no batch ever looks up.
"""

from __future__ import annotations

import collections

import numpy as np

from embedlab.experiments.runs import Run
from embedlab.lab.classifier import build_model, scores
from embedlab.lab.tasks import FIRST_WORD, LENGTH, load_task, task_vocabulary

TITLE = "How the table moves"
QUESTION = "Which rows does training change, with SGD and with Adam?"
FULL = {"epochs": 10}
QUICK = {"epochs": 3}
GROUPS = {"frequent (50+ times)": (50, None), "medium (5-49)": (5, 49), "rare (1-4)": (1, 4),
          "never in training": (0, 0)}
OPTIMIZERS = {"SGD (rate 1.0)": ("sgd", 1.0), "Adam (rate 0.001)": ("adam", 0.001)}


def _groups(task, vocab) -> dict[str, np.ndarray]:
    counts = collections.Counter(w for i in task.train for w in task.texts[i])
    frequency = np.array([counts[w] for w in vocab.words])
    rows = np.arange(len(vocab))
    out = {}
    for name, (low, high) in GROUPS.items():
        ok = (frequency >= low) & (frequency <= (high if high is not None else frequency.max()))
        out[name] = rows[ok & (rows >= FIRST_WORD)]  # padding and [UNK] rows are not words
    return out


def run(r: Run) -> dict:
    import keras

    task = load_task("polarity")
    everything = np.concatenate([task.train, task.test])
    vocab = task_vocabulary(task, everything)  # held-out words get rows too; training never touches them
    x = vocab.encode(task.texts, LENGTH["polarity"])
    groups = _groups(task, vocab)
    epochs = r.settings["epochs"]
    results = {"epochs": epochs, "group_sizes": {g: len(rows) for g, rows in groups.items()}, "optimizers": {}}
    for label, (kind, rate) in OPTIMIZERS.items():
        keras.utils.set_random_seed(0)
        optimizer = keras.optimizers.SGD(rate) if kind == "sgd" else keras.optimizers.Adam(rate)
        model = build_model(len(vocab), LENGTH["polarity"], optimizer=optimizer)
        table = model.get_layer("embedding")
        start = table.get_weights()[0]
        moves = {g: [] for g in groups}
        changed = {g: [] for g in groups}
        for _ in range(epochs):
            model.fit(x[task.train], task.labels[task.train], batch_size=32, epochs=1, verbose=0)
            distance = np.linalg.norm(table.get_weights()[0] - start, axis=1)
            for g, rows in groups.items():
                moves[g].append(float(distance[rows].mean()))
                changed[g].append(float((distance[rows] > 0).mean()))
        results["optimizers"][label] = {
            "mean_move": moves, "share_changed": changed,
            "test_accuracy": scores(model, x[task.test], task.labels[task.test])["accuracy"],
        }
    _figure(r, results)
    return results


def _figure(r: Run, results: dict) -> None:
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(results["optimizers"]), figsize=(8, 3.8), sharey=False)
    epochs = range(1, results["epochs"] + 1)
    for ax, (label, data) in zip(axes, results["optimizers"].items()):
        for i, (group, values) in enumerate(data["mean_move"].items()):
            ax.plot(epochs, values, marker="o", color=f"C{i}", label=f"{group}, {results['group_sizes'][group]} rows")
        ax.set_title(f"{label}: test accuracy {data['test_accuracy']:.3f}", fontsize=12)
        ax.set_xlabel("epoch", fontsize=12)
        ax.tick_params(labelsize=11)
        ax.grid(alpha=0.3)
    axes[0].set_ylabel("mean distance of a row\nfrom its starting value", fontsize=12)
    axes[0].legend(fontsize=11)
    r.save_figure(fig)
