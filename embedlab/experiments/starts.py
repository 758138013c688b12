"""Five starts for the Embedding of two classifiers on four tasks: random, GloVe 6B (trained on 6 billion words),
and the site's own word2vec, each frozen or fine-tuned.

Every arm gets the same vocabulary, padding, training texts and seed; its Adam learning rate is chosen on a
validation tenth of the training split, and it trains until converged on that tenth (early stopping), never looking
at the held-out split. A sixth arm follows the freeze-then-unfreeze recipe: the frozen GloVe 6B model, trained on with
its table unfrozen at a tenth of the rate. A logistic regression on each text's averaged pretrained vectors tells what
the vectors hold from how well a network is optimised on top of them.

Each comparison with the random start is paired (same seed, same held-out texts) and its interval comes from the
crossed bootstrap of embedlab.lab.stats, over seeds and held-out texts together.
"""

from __future__ import annotations

import numpy as np

from embedlab.experiments.runs import Run
from embedlab.lab import stats
from embedlab.lab.classifier import (
    build_cnn,
    build_model,
    embedding_matrix,
    probabilities,
    scores_of,
    train_start,
    unfreeze_and_train,
)
from embedlab.lab.pretrained import DEFAULT_VECTORS, averaged, coverage, load_pretrained
from embedlab.lab.tasks import LABELS, LENGTH, load_task, task_vocabulary
from embedlab.lab.vectors import general_vectors, vector_settings, without

TITLE = "Five starts, two models, four tasks"
QUESTION = "Does starting the Embedding from vectors trained on billions of words help, and when?"
FULL = {"tasks": ["clickbait", "polarity", "subjectivity", "topic"], "seeds": [0, 1, 2], "train_texts": None,
        "max_epochs": 50, "rates": [0.001, 0.01], "batch_size": 128}
QUICK = {"tasks": ["polarity", "topic"], "seeds": [0], "train_texts": 600, "max_epochs": 2, "rates": [0.01],
         "batch_size": 128}
MODELS = {"average": build_model, "cnn": build_cnn}
UNFROZEN = "GloVe 6B frozen, then fine-tuned"  # the recipe: continues the "GloVe 6B frozen" run of the same seed
STARTS = ("random", "GloVe 6B frozen", "GloVe 6B fine-tuned", UNFROZEN, "word2vec frozen", "word2vec fine-tuned")
METRICS = ("accuracy", "f1", "roc_auc")
COMPARED = ("accuracy", "roc_auc")  # the metrics compared with the random start (F1 follows accuracy here)
# The topic task's texts come from the ABC corpus, which is part of the general corpus that the site's word2vec is
# trained on; for that task the word2vec is trained without it, so that it has never read the texts it classifies.
WITHOUT_TASK_TEXT = {"topic": "abc"}

# Published accuracies on the same data sets (Kim 2014; Wang & Manning 2012), each with the arm of ours that is
# closest: the same model and start, with GloVe 6B in place of the 300-d GoogleNews word2vec.
_KIM = {"rand": "random", "static": "word2vec (GoogleNews, 300-d) frozen",
        "non-static": "word2vec (GoogleNews, 300-d) fine-tuned"}
_OURS = {"rand": "random", "static": "GloVe 6B frozen", "non-static": "GloVe 6B fine-tuned"}
PUBLISHED = [
    *({"task": task, "source": f"Kim 2014, CNN-{variant}", "model": "cnn", "start": _KIM[variant],
       "accuracy": accuracy, "ours": ["cnn", _OURS[variant]]}
      for task, row in (("polarity", (0.761, 0.810, 0.815)), ("subjectivity", (0.896, 0.930, 0.934)))
      for variant, accuracy in zip(_KIM, row)),
    *({"task": task, "source": "Wang & Manning 2012, NBSVM-bi", "model": "bag of word pairs", "start": None,
       "accuracy": accuracy, "ours": None} for task, accuracy in (("polarity", 0.794), ("subjectivity", 0.932))),
]


def _logistic_regression(vectors, task, train) -> np.ndarray:
    """A logistic regression on each text's averaged vectors (C chosen by 5-fold CV on the training split): its
    probabilities for the held-out texts."""
    from sklearn.linear_model import LogisticRegressionCV
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    x = averaged(vectors, task.texts)
    model = make_pipeline(StandardScaler(), LogisticRegressionCV(Cs=[0.01, 0.1, 1, 10], cv=5, scoring="accuracy",
                                                                   max_iter=2000, use_legacy_attributes=False))
    model.fit(x[train], task.labels[train])
    return model.predict_proba(x[task.test])[:, 1]


def _scored(trained, x, task) -> tuple[dict, np.ndarray]:
    """A trained arm's scores and settings for the results, and its held-out probabilities for the comparisons."""
    p = probabilities(trained.model, x[task.test])
    return {**scores_of(p, task.labels[task.test]), "rate": trained.rate, "epochs": trained.epochs,
            "stopped": trained.stopped, "validation_accuracy": trained.validation_accuracy}, p


PARTS = "tasks"  # each task can run in its own process (see runs.execute_all)


def run_part(r: Run, name: str) -> dict:
    """One task: every model, start and seed."""
    from tqdm import tqdm

    s = r.settings
    glove = load_pretrained()
    task = load_task(name)
    train = task.train if s["train_texts"] is None else np.sort(
        np.random.default_rng(0).choice(task.train, s["train_texts"], replace=False))
    w2v = general_vectors("word2vec", without(vector_settings(r.quick), WITHOUT_TASK_TEXT.get(name)))
    vocab = task_vocabulary(task, train, pretrained=[glove, w2v])
    x = vocab.encode(task.texts, LENGTH[name])
    spaces = {"GloVe 6B": glove, "word2vec": w2v}
    out = {
        "label": LABELS[name], "texts": len(task.texts), "train": len(train), "test": len(task.test),
        "vocabulary": len(vocab),
        "word2vec_corpus_without": WITHOUT_TASK_TEXT.get(name),
        "coverage": {k: {key: c[key] for key in ("type_coverage", "token_coverage")}
                     for k, v in spaces.items() for c in [coverage(v, [task.texts[i] for i in task.test])]},
        "runs": {model: {start: [] for start in STARTS} for model in MODELS},
    }
    regression = {k: _logistic_regression(v, task, train) for k, v in spaces.items()}
    out["logistic_regression"] = {k: scores_of(p, task.labels[task.test]) for k, p in regression.items()}
    held_out = {model: {start: [] for start in STARTS} for model in MODELS}
    held_out["logistic regression"] = regression  # taken out again by combine, with the runs' probabilities
    progress = tqdm(total=len(MODELS) * len(STARTS) * len(s["seeds"]), desc=f"five starts, {name}", unit="model")
    for seed in s["seeds"]:
        # Words a table lacks start as noise with that table's spread (Kim 2014); padding as zeros.
        tables = {"glove": embedding_matrix(vocab, glove, seed, missing="table"),
                  "word2vec": embedding_matrix(vocab, w2v, seed, missing="table")}
        for model in MODELS:
            done = {}
            for start in STARTS:
                runs = out["runs"][model][start]
                if start == UNFROZEN:  # goes on from the frozen GloVe 6B model, already scored
                    trained = unfreeze_and_train(done["GloVe 6B frozen"], x[train], task.labels[train], seed,
                                                 s["max_epochs"], s["batch_size"])
                else:
                    # The first seed chooses the arm's learning rate on its validation split; the others reuse it.
                    trained = train_start(MODELS[model], start, tables, x[train], task.labels[train], seed,
                                          [runs[0]["rate"]] if runs else s["rates"], s["max_epochs"],
                                          s["batch_size"])
                done[start] = trained
                run, p = _scored(trained, x, task)
                runs.append(run)
                held_out[model][start].append(p)
                progress.update()
    progress.close()
    out["held_out"] = {"labels": task.labels[task.test], "probabilities": held_out}
    return out


def combine(r: Run, tasks: dict) -> dict:
    """The tasks' results with their paired comparisons, the effects pooled over tasks, the published numbers next to
    ours, and the figure."""
    cells = {}
    for i, (name, t) in enumerate(tasks.items()):
        cells |= _comparisons(name, t.pop("held_out"), np.random.default_rng(100 + i))
    # Holm families: one per metric and kind of comparison (against random; frozen against logistic regression)
    summaries = stats.summarised(cells, lambda key: key[3:])
    for name, t in tasks.items():
        t["versus_random"] = {model: {start: {metric: summaries[name, model, start, metric] for metric in COMPARED}
                                      for start in STARTS[1:]} for model in MODELS}
        t["recipe_versus_fine_tuned"] = {model: {metric: summaries[name, model, UNFROZEN, metric, "fine-tuned"]
                                                 for metric in COMPARED} for model in MODELS}
        t["versus_logistic_regression"] = {space: {metric: summaries[name, "average", f"{space} frozen", metric,
                                                                     "regression"] for metric in COMPARED}
                                           for space in t["logistic_regression"]}
    results = {"settings": r.settings, "models": list(MODELS), "starts": list(STARTS), "metrics": list(METRICS),
               "compared": list(COMPARED), "replicates": stats.REPLICATES,
               "pretrained": {k: DEFAULT_VECTORS[k] for k in ("name", "tokens", "dimensions")},
               "published": [dict(row) for row in PUBLISHED], "tasks": tasks,
               "pooled": _pooled(cells, list(tasks)),
               "capped": {start: sum(not run["stopped"] for t in tasks.values() for model in MODELS
                                     for run in t["runs"][model][start]) for start in STARTS}}
    for row in results["published"]:
        if row["ours"] and row["task"] in tasks:
            model, start = row["ours"]
            row["ours_accuracy"] = float(np.mean([run["accuracy"] for run in tasks[row["task"]]["runs"][model][start]]))
    _figure(r, results)
    return results


def _comparisons(name: str, held_out: dict, rng: np.random.Generator) -> dict:
    """Keyed (task, model, start, metric): every start against the random start of the same model; (key ending in
    "fine-tuned") the recipe against fine-tuning GloVe 6B directly; (key ending in "regression") each frozen
    averaging model against the logistic regression on the same vectors. One draw of seed and text weights for the
    task, shared by all its comparisons."""
    y, found = held_out["labels"], held_out["probabilities"]
    seeds = len(found["average"]["random"])
    texts, weights = stats.counts(len(y), stats.REPLICATES, rng), stats.counts(seeds, stats.REPLICATES, rng)
    cells = {}
    for model in MODELS:
        arms = {start: np.array(found[model][start]) for start in STARTS}
        for start, by_metric in stats.compare(y, arms, "random", texts, weights, COMPARED).items():
            cells |= {(name, model, start, metric): cell for metric, cell in by_metric.items()}
        recipe = {k: arms[k] for k in (UNFROZEN, "GloVe 6B fine-tuned")}
        for metric, cell in stats.compare(y, recipe, "GloVe 6B fine-tuned", texts, weights, COMPARED)[UNFROZEN].items():
            cells[name, model, UNFROZEN, metric, "fine-tuned"] = cell
    for space, p in found["logistic regression"].items():
        arms = {"frozen": np.array(found["average"][f"{space} frozen"]), "regression": np.tile(p, (seeds, 1))}
        for metric, cell in stats.compare(y, arms, "regression", texts, weights, COMPARED)["frozen"].items():
            cells[name, "average", f"{space} frozen", metric, "regression"] = cell
    return cells


def _pooled(cells: dict, tasks: list[str]) -> dict:
    """Per start and metric, the difference from the random start averaged over the tasks, for each model and for
    both models together (stats.pooled: the interval covers seeds and held-out texts, for these tasks)."""
    def over(models, start, metric):
        return stats.pooled([cells[task, model, start, metric] for task in tasks for model in models])

    return {start: {metric: {"both models": over(MODELS, start, metric)} | {m: over([m], start, metric) for m in MODELS}
                    for metric in COMPARED} for start in STARTS[1:]}


def _figure(r: Run, results: dict) -> None:
    """Per task, each start's accuracy minus the random start's, in points, with its 95% interval (seeds and
    held-out texts)."""
    import matplotlib.pyplot as plt

    tasks, starts = list(results["tasks"]), results["starts"][1:]
    rows = -(-len(tasks) // 2)
    fig, axes = plt.subplots(rows, 2, figsize=(7.2, 3.0 * rows + 0.9), sharey=True, sharex=True, squeeze=False)
    markers = {"average": "o", "cnn": "s"}
    for ax, task in zip(axes.flat, tasks):
        for m, model in enumerate(results["models"]):
            for i, start in enumerate(starts):
                c = {k: 100 * v for k, v in results["tasks"][task]["versus_random"][model][start]["accuracy"].items()
                     if k in ("mean", "low", "high")}
                ax.errorbar(c["mean"], i + (m - 0.5) * 0.3, xerr=[[c["mean"] - c["low"]], [c["high"] - c["mean"]]],
                            marker=markers[model], color=f"C{m}", linestyle="none", label=model if i == 0 else None)
        ax.axvline(0, color="black", linewidth=1)
        ax.set_title(task, fontsize=13)
        ax.grid(axis="x", alpha=0.3)
        ax.tick_params(labelsize=11)
    for ax in axes.flat[len(tasks):]:
        ax.remove()
    for ax in axes[-1]:
        ax.set_xlabel("accuracy minus random start\n(points, 95% interval)", fontsize=11)
    axes[0, 0].set_yticks(range(len(starts)), [s.replace(", then", ",\nthen") for s in starts], fontsize=11)
    axes[0, 0].invert_yaxis()
    handles, labels = axes.flat[0].get_legend_handles_labels()
    fig.legend(handles, ["averaging model", "convolutional model"], loc="upper center", ncol=2, fontsize=12,
               frameon=False)
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.45 / (3.0 * rows + 0.9)))
    r.save_figure(fig)
