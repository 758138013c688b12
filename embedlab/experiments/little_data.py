"""Learning curves with little labelled data, for three ways to start the Embedding.

random: Keras's default start, trained; word2vec frozen: word2vec vectors, not trained; word2vec fine-tuned:
word2vec vectors as the start, trained. Every other part of the model, the training subset and the vocabulary are
the same for the three. The vocabulary holds the training words plus every word of the task that has a word2vec
vector, so a word2vec-initialised model can use words it never saw with a label.

The "Alps and Himalaya" test (sentence polarity only, where the opinion lexicon says which words carry the label):
accuracy on held-out sentences whose opinion words all have a word2vec vector and none occurs in the training subset.
"""

from __future__ import annotations

import numpy as np

from embedlab.data.corpus import opinion_lexicon
from embedlab.experiments.runs import Run
from embedlab.lab.classifier import build_model, embedding_matrix, fit, scores
from embedlab.lab.tasks import LENGTH, TASK_PAIR, load_task, task_vocabulary
from embedlab.lab.vectors import general_vectors, vector_settings

TITLE = "Little labelled data"
QUESTION = "When does starting from word2vec help, and for which words?"
FULL = {"seeds": [0, 1, 2], "sizes": [50, 100, 300, 1000, 3000]}  # labelled training texts per run
QUICK = {"seeds": [0, 1], "sizes": [50, 300]}
INITS = ("random", "word2vec frozen", "word2vec fine-tuned")


def _unseen_opinion_items(task, subset, w2v, lexicon_words: set[str]) -> np.ndarray:
    seen = {w for i in subset for w in task.texts[i]}
    items = []
    for i in task.test:
        opinion = {w for w in task.texts[i] if w in lexicon_words}
        if opinion and not opinion & seen and all(w in w2v.key_to_index for w in opinion):
            items.append(i)
    return np.array(items, dtype=int)


def _fit_and_score(task, subset, vocab, w2v, init: str, seed: int, unseen: np.ndarray | None) -> dict:
    import keras

    keras.utils.set_random_seed(seed)
    x = vocab.encode(task.texts, LENGTH[task.name])
    matrix = None if init == "random" else embedding_matrix(vocab, w2v, seed)
    model = build_model(len(vocab), LENGTH[task.name], w2v.vector_size, matrix, trainable=init != "word2vec frozen")
    fit(model, x[subset], task.labels[subset], seed)
    result = {"accuracy": scores(model, x[task.test], task.labels[task.test])["accuracy"]}
    if unseen is not None and len(unseen):
        result["unseen_accuracy"] = scores(model, x[unseen], task.labels[unseen])["accuracy"]
    return result


def run(r: Run) -> dict:
    from tqdm import tqdm

    sizes, seeds = r.settings["sizes"], r.settings["seeds"]
    w2v = general_vectors("word2vec", vector_settings(r.quick))
    positive, negative = opinion_lexicon()
    lexicon_words = set(positive) | set(negative)
    results = {"sizes": sizes, "seeds": seeds, "inits": list(INITS), "tasks": {}}
    jobs = [(t, n, s) for t in TASK_PAIR for n in sizes for s in seeds]
    tasks = {name: load_task(name) for name in TASK_PAIR}
    for name in TASK_PAIR:
        results["tasks"][name] = {init: {str(n): [] for n in sizes} for init in INITS}
        if name == "polarity":
            results["tasks"][name]["unseen_items"] = {str(n): [] for n in sizes}
    for name, n, seed in tqdm(jobs, desc="little data", unit="subset"):
        task = tasks[name]
        subset = np.random.default_rng(1000 + seed).choice(task.train, size=n, replace=False)
        vocab = task_vocabulary(task, subset, pretrained=[w2v])
        unseen = _unseen_opinion_items(task, subset, w2v, lexicon_words) if name == "polarity" else None
        if unseen is not None:
            results["tasks"][name]["unseen_items"][str(n)].append(len(unseen))
        for init in INITS:
            results["tasks"][name][init][str(n)].append(_fit_and_score(task, subset, vocab, w2v, init, seed, unseen))
    _figure(r, results)
    return results


def curve(results: dict, task: str, init: str, key: str = "accuracy") -> tuple[np.ndarray, np.ndarray]:
    runs = [[run[key] for run in results["tasks"][task][init][str(n)] if key in run] for n in results["sizes"]]
    return np.array([np.mean(v) for v in runs]), np.array([np.std(v, ddof=1) for v in runs])  # as on the pages


def _figure(r: Run, results: dict) -> None:
    import matplotlib.pyplot as plt

    panels = [("clickbait", "accuracy", "clickbait: held-out accuracy"),
              ("polarity", "accuracy", "sentence polarity: held-out accuracy"),
              ("polarity", "unseen_accuracy", "polarity: sentences whose opinion\nwords were never seen in training")]
    fig, axes = plt.subplots(1, 3, figsize=(13, 3.8))
    for ax, (task, key, title) in zip(axes, panels):
        for i, init in enumerate(INITS):
            mean, sd = curve(results, task, init, key)
            ax.plot(results["sizes"], mean, marker="o", color=f"C{i}", label=init)
            ax.fill_between(results["sizes"], mean - sd, mean + sd, color=f"C{i}", alpha=0.2)
        ax.set_xscale("log")
        ax.set_xlabel("labelled training texts")
        ax.set_title(title, fontsize=10)
        ax.axhline(0.5, color="black", linestyle=":", linewidth=1)
        ax.grid(alpha=0.3)
    axes[0].set_ylabel("accuracy (mean ± sd over seeds)")
    axes[0].legend(loc="lower right", fontsize=8)
    r.save_figure(fig)
