"""Kim's CNN under Kim's own protocol (embedlab.lab.kim_protocol), on sentence polarity (MR) and subjectivity (SUBJ),
with GloVe 6B 50-d: the distance to his published table, fold by fold.

The other experiments train this CNN on one 80/20 split with Adam and early stopping on the validation loss; this one
trains it as his code does, so that what stays different from his table is the vectors (GloVe 6B 50-d against
word2vec GoogleNews 300-d) and what the module's docstring lists as departures. Every arm of a fold trains on the same
texts with the same seed, so differences between arms are paired by fold; their intervals use the corrected variance
for cross-validation (kim_protocol.corrected_interval), which covers the training texts and the held-out texts that
the folds vary, not seeds within a fold (one run per fold and arm, as Kim reports).
"""

from __future__ import annotations

import numpy as np

from embedlab.experiments.runs import Run
from embedlab.lab import kim_protocol as kim
from embedlab.lab.pretrained import DEFAULT_VECTORS, coverage, load_pretrained
from embedlab.lab.tasks import LENGTH, load_task

TITLE = "Kim's protocol"
QUESTION = "Does Kim's own training protocol close the gap between our CNN and his published table?"
TASKS = ("polarity", "subjectivity")
FULL = {"parts": [f"{task} {fold}" for task in TASKS for fold in range(kim.FOLDS)], "max_epochs": kim.MAX_EPOCHS,
        "texts": None}
QUICK = {"parts": ["polarity 0", "polarity 1"], "max_epochs": 1, "texts": 2000}
PARTS = "parts"  # each fold of each task can run in its own process (see runs.execute_all)
# Kim 2014, Table 2 (word2vec GoogleNews 300-d for the pretrained arms).
PUBLISHED = {"polarity": {"rand": 0.761, "static": 0.810, "non-static": 0.815, "multichannel": 0.811},
             "subjectivity": {"rand": 0.896, "static": 0.930, "non-static": 0.934, "multichannel": 0.932}}


def texts_of(task: str, limit: int | None):
    """The task's texts and labels: all of them, or (quick mode) the first ``limit`` of a seeded shuffle."""
    t = load_task(task)
    keep = np.arange(len(t.texts)) if limit is None else np.sort(np.random.default_rng(0).permutation(
        len(t.texts))[:limit])
    return [t.texts[i] for i in keep], t.labels[keep]


def run_part(r: Run, part: str) -> dict:
    """One fold of one task: the four arms, each trained on the other nine folds and scored on this one."""
    task, fold = part.split()
    fold = int(fold)
    texts, y = texts_of(task, r.settings["texts"])
    vocab = kim.vocabulary(texts)
    x = kim.encode(vocab, texts, LENGTH[task])
    folds = kim.fold_of(len(texts))
    train, test = np.flatnonzero(folds != fold), np.flatnonzero(folds == fold)
    glove = load_pretrained()
    out = {"task": task, "fold": fold, "train": len(train), "test": len(test), "vocabulary": len(vocab),
           "token_coverage": coverage(glove, texts)["token_coverage"], "arms": {}}
    for arm in kim.ARMS:
        start = kim.table(vocab, None if arm == "rand" else glove, glove.vector_size, seed=fold)
        found = kim.train_fold(start, arm, x, y, train, test, seed=fold, max_epochs=r.settings["max_epochs"])
        out["arms"][arm] = {"accuracy": found.accuracy, "epochs": found.epochs, "best_epoch": found.best_epoch,
                            "held_back_accuracy": found.held_back_accuracy}
    return out


def combine(r: Run, parts: dict) -> dict:
    """Per task and arm: the accuracy over folds, its difference from Kim's number, and from the rand arm (paired)."""
    tasks = {}
    for task in TASKS:
        folds = sorted((p for p in parts.values() if p["task"] == task), key=lambda p: p["fold"])
        if not folds:
            continue
        share = np.mean([p["test"] / (p["test"] + p["train"]) for p in folds])
        arms = {}
        for arm in kim.ARMS:
            accuracy = np.array([p["arms"][arm]["accuracy"] for p in folds])
            rand = np.array([p["arms"]["rand"]["accuracy"] for p in folds])
            arms[arm] = {
                "folds": accuracy.tolist(),
                "epochs": [p["arms"][arm]["epochs"] for p in folds],
                "best_epochs": [p["arms"][arm]["best_epoch"] for p in folds],
                "accuracy": kim.corrected_interval(accuracy, share),
                "published": PUBLISHED[task][arm],
                "versus_published": kim.corrected_interval(accuracy - PUBLISHED[task][arm], share),
                "versus_rand": kim.corrected_interval(accuracy - rand, share),
            }
        published_gain = {arm: PUBLISHED[task][arm] - PUBLISHED[task]["rand"] for arm in kim.ARMS[1:]}
        tasks[task] = {"folds": len(folds), "texts": folds[0]["train"] + folds[0]["test"],
                       "vocabulary": folds[0]["vocabulary"], "token_coverage": folds[0]["token_coverage"],
                       "test_share": float(share), "arms": arms, "published_gain_over_rand": published_gain}
    results = {"settings": r.settings, "arms": list(kim.ARMS),
               "pretrained": {k: DEFAULT_VECTORS[k] for k in ("name", "tokens", "dimensions")},
               "protocol": {"batch": kim.BATCH, "adadelta": kim.ADADELTA, "max_norm": kim.MAX_NORM,
                            "widths": list(kim.WIDTHS), "maps": kim.MAPS, "dropout": kim.DROPOUT,
                            "held_back": kim.HELD_BACK, "patience": kim.PATIENCE,
                            "max_epochs": r.settings["max_epochs"]},
               "tasks": tasks}
    _figure(r, results)
    return results


def _figure(r: Run, results: dict) -> None:
    """Per task, each arm's accuracy over the folds (mean and corrected 95% interval) beside Kim's number."""
    import matplotlib.pyplot as plt

    tasks = list(results["tasks"])
    fig, axes = plt.subplots(1, len(tasks), figsize=(3.6 * len(tasks) + 0.6, 3.4), squeeze=False)
    for ax, task in zip(axes[0], tasks):
        arms = results["tasks"][task]["arms"]
        for i, arm in enumerate(results["arms"]):
            c = {k: 100 * v for k, v in arms[arm]["accuracy"].items()}
            ax.errorbar(c["mean"], i, xerr=[[c["mean"] - c["low"]], [c["high"] - c["mean"]]], marker="o",
                        color="C0", linestyle="none", label="ours, GloVe 6B 50-d" if i == 0 else None)
            ax.plot(100 * arms[arm]["published"], i, marker="D", color="C1", linestyle="none",
                    label="Kim 2014, word2vec 300-d" if i == 0 else None)
        ax.set_yticks(range(len(results["arms"])), [f"CNN-{a}" for a in results["arms"]])
        ax.tick_params(labelsize=12)  # shown scaled to the text column: 12 pt stays above the pages' small print
        ax.invert_yaxis()
        ax.set_title(task, fontsize=13)
        ax.set_xlabel("accuracy over 10 folds (%, 95% interval)" if results["tasks"][task]["folds"] == kim.FOLDS
                      else f"accuracy over {results['tasks'][task]['folds']} folds (%)", fontsize=12)
        ax.grid(axis="x", alpha=0.3)
    handles, labels = axes[0, 0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="upper center", ncol=2, fontsize=12, frameon=False)
    fig.tight_layout(rect=(0, 0, 1, 0.88))
    r.save_figure(fig)
