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
LABEL_SIZE = 12  # the figure's text, in points: the figure is about 470 points wide, so about 10 px on a phone


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
    """One panel per optimiser, one above the other; each line is named at its end, right of the panel, so no legend
    covers a line or a tick."""
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(len(results["optimizers"]), 1, figsize=(6.8, 6.6), sharex=True)
    fig.subplots_adjust(left=0.15, right=0.69, top=0.94, bottom=0.09, hspace=0.32)
    epochs = list(range(1, results["epochs"] + 1))
    for ax, (label, data) in zip(axes, results["optimizers"].items()):
        ends = []
        for i, (group, values) in enumerate(data["mean_move"].items()):
            ax.plot(epochs, values, marker="o", markersize=4, color=f"C{i}")
            ends.append((f"{group}\n{results['group_sizes'][group]:,} rows", values[-1], f"C{i}"))
        ax.set_title(f"{label}: test accuracy {data['test_accuracy']:.3f}", fontsize=LABEL_SIZE)
        ax.set_ylabel("mean distance of a\nrow from its start", fontsize=LABEL_SIZE)
        ax.tick_params(labelsize=LABEL_SIZE)
        ax.grid(alpha=0.3)
        _name_line_ends(ax, epochs[-1], ends)
    axes[-1].set_xlabel("epoch", fontsize=LABEL_SIZE)
    r.save_figure(fig)


def _name_line_ends(ax, x: float, ends: list[tuple[str, float, str]]) -> None:
    """Write each (text, y, colour) right of the panel, level with its line's last point at x, nudged apart (with a
    thin leader to the point) where two would overlap. The panel's size must be final (the figure laid out)."""
    low, high = ax.get_ylim()
    height = ax.get_position().height * ax.figure.get_figheight() * 72  # the panel's height in points
    per_point = (high - low) / height
    gap = max(text.count("\n") + 1 for text, _, _ in ends) * 1.3 * LABEL_SIZE * per_point
    order = sorted(range(len(ends)), key=lambda i: ends[i][1])
    placed = [ends[i][1] for i in order]
    for k in range(1, len(placed)):  # upwards: each at least one label's height above the one below
        placed[k] = max(placed[k], placed[k - 1] + gap)
    placed[-1] = min(placed[-1], high - gap / 2)
    for k in range(len(placed) - 2, -1, -1):  # then down again from the top, if that pushed a label past the panel
        placed[k] = min(placed[k], placed[k + 1] - gap)
    for k, i in enumerate(order):
        text, y, colour = ends[i]
        shift = (placed[k] - y) / per_point
        leader = {"arrowstyle": "-", "color": colour, "lw": 0.8} if abs(shift) > 2 else None
        ax.annotate(text, (x, y), xytext=(14, shift), textcoords="offset points", va="center", color=colour,
                    fontsize=LABEL_SIZE, annotation_clip=False, arrowprops=leader)
