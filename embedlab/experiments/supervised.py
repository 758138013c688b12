"""Classifiers with an Embedding trained from scratch, on clickbait headlines and review sentences."""

from __future__ import annotations

import numpy as np

from embedlab.experiments.runs import Run
from embedlab.lab.task_models import task_model
from embedlab.lab.tasks import TASK_PAIR

TITLE = "Supervised embeddings"
QUESTION = "How well do simple Embedding classifiers do on the two tasks?"
FULL = {"seeds": [0, 1, 2]}
QUICK = {"seeds": [0, 1]}
METRICS = ("accuracy", "f1", "roc_auc")

# Published results on the same clickbait headlines, as reported in each paper's abstract.
PUBLISHED = [
    {"source": "Chakraborty et al. 2016 (ASONAM), SVM on hand-built features", "accuracy": 0.93,
     "f1": None, "roc_auc": None},
    {"source": "Anand et al. 2017 (ECIR), bidirectional RNN on word2vec and character embeddings",
     "accuracy": 0.98, "f1": 0.98, "roc_auc": 0.99},
]


def summary(values: list[float]) -> dict:
    return {"mean": float(np.mean(values)), "sd": float(np.std(values, ddof=1)), "min": min(values),
            "max": max(values), "runs": values}


def run(r: Run) -> dict:
    from tqdm import tqdm

    seeds = r.settings["seeds"]
    results = {"seeds": seeds, "tasks": {}, "published_clickbait": PUBLISHED}
    for task in TASK_PAIR:
        models = [task_model(task, seed, r.quick) for seed in tqdm(seeds, desc=f"{task} classifier", unit="seed")]
        results["tasks"][task] = {
            **{metric: summary([m.scores[metric] for m in models]) for metric in METRICS},
            "epochs": [m.epochs for m in models],
            "vocabulary": len(models[0].vocab),
        }
    _figure(r, results)
    return results


def _figure(r: Run, results: dict) -> None:
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.5, 3))
    for row, task in enumerate(TASK_PAIR):
        for col, metric in enumerate(METRICS):
            runs = results["tasks"][task][metric]["runs"]
            x = col + (row - 0.5) * 0.3
            ax.scatter([x] * len(runs), runs, color=f"C{row}", label=task if col == 0 else None, zorder=3)
    ax.set_xticks(range(len(METRICS)), ["accuracy", "F1", "ROC-AUC"])
    ax.set_ylabel("held-out score (one dot per seed)")
    ax.set_ylim(0.5, 1.0)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(title="task", loc="lower right")
    r.save_figure(fig)
