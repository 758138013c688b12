"""Five starts for the Embedding of two classifiers on four tasks: random, GloVe 6B (trained on 6 billion words),
and the site's own word2vec, each frozen or fine-tuned.

Every arm gets the same vocabulary, padding, training texts and seed; its Adam learning rate and its number of
epochs are chosen on a validation tenth of the training split (early stopping), never on the held-out split. A
logistic regression on each text's averaged pretrained vectors tells what the vectors hold from how well a network
is optimised on top of them.
"""

from __future__ import annotations

import numpy as np

from embedlab.experiments.runs import Run
from embedlab.lab.classifier import build_cnn, build_model, embedding_matrix, scores, train_start
from embedlab.lab.pretrained import DEFAULT_VECTORS, averaged, coverage, load_pretrained
from embedlab.lab.stats import interval
from embedlab.lab.tasks import LABELS, LENGTH, load_task, task_vocabulary
from embedlab.lab.vectors import general_vectors, vector_settings, without

TITLE = "Five starts, two models, four tasks"
QUESTION = "Does starting the Embedding from vectors trained on billions of words help, and when?"
FULL = {"tasks": ["clickbait", "polarity", "subjectivity", "topic"], "seeds": [0, 1, 2], "train_texts": None,
        "max_epochs": 10, "rates": [0.001, 0.01], "batch_size": 128}
QUICK = {"tasks": ["polarity", "topic"], "seeds": [0], "train_texts": 600, "max_epochs": 2, "rates": [0.01],
         "batch_size": 128}
MODELS = {"average": build_model, "cnn": build_cnn}
STARTS = ("random", "GloVe 6B frozen", "GloVe 6B fine-tuned", "word2vec frozen", "word2vec fine-tuned")
METRICS = ("accuracy", "f1", "roc_auc")
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


def _logistic_regression(vectors, task, train) -> dict:
    """A logistic regression on each text's averaged vectors (C chosen by 5-fold CV on the training split)."""
    from sklearn.linear_model import LogisticRegressionCV
    from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    x = averaged(vectors, task.texts)
    model = make_pipeline(StandardScaler(), LogisticRegressionCV(Cs=[0.01, 0.1, 1, 10], cv=5, scoring="accuracy",
                                                                   max_iter=2000, use_legacy_attributes=False))
    model.fit(x[train], task.labels[train])
    p = model.predict_proba(x[task.test])[:, 1]
    y = task.labels[task.test]
    return {"accuracy": float(accuracy_score(y, p > 0.5)), "f1": float(f1_score(y, p > 0.5)),
            "roc_auc": float(roc_auc_score(y, p))}


def _arm(model_name, start, tables, x, task, train, seed, rates, s: dict) -> dict:
    trained = train_start(MODELS[model_name], start, tables, x[train], task.labels[train], seed, rates,
                          s["max_epochs"], s["batch_size"])
    return {**scores(trained.model, x[task.test], task.labels[task.test]), "rate": trained.rate,
            "epochs": trained.epochs, "stopped": trained.stopped, "validation_accuracy": trained.validation_accuracy}


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
        "logistic_regression": {k: _logistic_regression(v, task, train) for k, v in spaces.items()},
        "runs": {model: {start: [] for start in STARTS} for model in MODELS},
    }
    progress = tqdm(total=len(MODELS) * len(STARTS) * len(s["seeds"]), desc=f"five starts, {name}", unit="model")
    for seed in s["seeds"]:
        # Words a table lacks start as noise with that table's spread (Kim 2014); padding as zeros.
        tables = {"glove": embedding_matrix(vocab, glove, seed, missing="table"),
                  "word2vec": embedding_matrix(vocab, w2v, seed, missing="table")}
        for model in MODELS:
            for start in STARTS:
                runs = out["runs"][model][start]
                # The first seed chooses the arm's learning rate on its validation split; the others reuse it.
                rates = [runs[0]["rate"]] if runs else s["rates"]
                runs.append(_arm(model, start, tables, x, task, train, seed, rates, s))
                progress.update()
    progress.close()
    out["versus_random"] = {model: {start: _versus_random(out["runs"][model], start) for start in STARTS[1:]}
                            for model in MODELS}
    return out


def combine(r: Run, tasks: dict) -> dict:
    """The tasks' results, the published numbers next to ours, and the figure."""
    results = {"settings": r.settings, "models": list(MODELS), "starts": list(STARTS), "metrics": list(METRICS),
               "pretrained": {k: DEFAULT_VECTORS[k] for k in ("name", "tokens", "dimensions")},
               "published": [dict(row) for row in PUBLISHED], "tasks": tasks}
    for row in results["published"]:
        if row["ours"] and row["task"] in tasks:
            model, start = row["ours"]
            row["ours_accuracy"] = float(np.mean([run["accuracy"] for run in tasks[row["task"]]["runs"][model][start]]))
    _figure(r, results)
    return results


def _versus_random(runs: dict, start: str) -> dict:
    """Per metric, the start's score minus the random start's, seed by seed (same texts, vocabulary and seed), with
    the mean and 95% interval of those paired differences."""
    out = {}
    for metric in METRICS:
        differences = [a[metric] - b[metric] for a, b in zip(runs[start], runs["random"])]
        low, mean, high = interval(differences)
        out[metric] = {"differences": differences, "mean": mean, "low": low, "high": high}
    return out


def _figure(r: Run, results: dict) -> None:
    import matplotlib.pyplot as plt

    tasks = list(results["tasks"])
    rows = -(-len(tasks) // 2)
    fig, axes = plt.subplots(rows, 2, figsize=(6.3, 2.9 * rows + 0.5), sharey=True, squeeze=False)
    markers = {"average": "o", "cnn": "s"}
    for ax, task in zip(axes.flat, tasks):
        for m, model in enumerate(results["models"]):
            for i, start in enumerate(results["starts"]):
                values = [run["accuracy"] for run in results["tasks"][task]["runs"][model][start]]
                ax.errorbar(np.mean(values), i + (m - 0.5) * 0.3, xerr=np.std(values, ddof=1) if len(values) > 1
                            else None, marker=markers[model], color=f"C{m}", linestyle="none",
                            label=model if i == 0 else None)
        ax.set_title(task, fontsize=13)
        ax.grid(axis="x", alpha=0.3)
        ax.tick_params(labelsize=11)
        ax.set_xlabel("held-out accuracy", fontsize=12)
    for ax in axes.flat[len(tasks):]:
        ax.remove()
    axes[0, 0].set_yticks(range(len(results["starts"])), results["starts"], fontsize=11)
    axes[0, 0].invert_yaxis()  # random first, as in the tables
    handles, labels = axes.flat[0].get_legend_handles_labels()
    fig.legend(handles, ["averaging model", "convolutional model"], loc="upper center", ncol=2, fontsize=12,
               frameon=False)
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.45 / (2.9 * rows + 0.5)))
    r.save_figure(fig)
