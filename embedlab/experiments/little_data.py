"""Learning curves with little labelled data, on four tasks, for four starts of the averaging model's Embedding.

random: Keras's default start, trained; GloVe 6B frozen or fine-tuned; the site's own word2vec, fine-tuned. Every
start gets the same training subset, vocabulary (the subset's words plus every task word that GloVe 6B or word2vec
knows) and seed, so its held-out accuracy can be compared with the random start's seed by seed.

Each start's Adam learning rate is chosen once per task, on the validation tenth of the largest subset with the first
seed (a tenth of 50 texts is too few to choose by), then kept for every size and seed; every run stops early on its
own subset's validation tenth. The held-out split is used only for scores.

The "Alps and Himalaya" test, on every task: held-out texts whose key words all have a GloVe 6B vector and none
occurs in the training subset. Key words were fixed before any result was seen: for polarity and subjectivity the
words of Hu and Liu's opinion lexicon, for clickbait and topic the content words (not an English stop word, not a
number).
"""

from __future__ import annotations

import numpy as np

from embedlab.experiments.runs import Run
from embedlab.lab.classifier import build_model, embedding_matrix, probabilities, scores_of, train_start
from embedlab.lab.key_words import key_word_test
from embedlab.lab.pretrained import load_pretrained
from embedlab.lab.tasks import LENGTH, TASKS, load_task, task_vocabulary
from embedlab.lab.vectors import general_vectors, vector_settings, without

TITLE = "Little labelled data"
QUESTION = "When do vectors trained on billions of words help, and for which words?"
FULL = {"tasks": list(TASKS), "seeds": [0, 1, 2, 3, 4], "sizes": [50, 100, 300, 1000, 3000], "rates": [0.001, 0.01],
        "max_epochs": 20}
QUICK = {"tasks": ["topic"], "seeds": [0, 1], "sizes": [50, 300], "rates": [0.01], "max_epochs": 3}
STARTS = ("random", "GloVe 6B frozen", "GloVe 6B fine-tuned", "word2vec fine-tuned")
KEY_WORDS = {"clickbait": "content words", "polarity": "opinion words", "subjectivity": "opinion words",
             "topic": "content words"}
# As on the five-starts page: the topic texts come from the ABC corpus, which word2vec is then trained without.
WITHOUT_TASK_TEXT = {"topic": "abc"}


def unseen_items(texts: list[list[str]], test: np.ndarray, subset: np.ndarray, is_key, vectors) -> np.ndarray:
    """Held-out texts with at least one key word, all of whose key words have a vector in ``vectors`` and none of
    which occurs in the training subset."""
    seen = {w for i in subset for w in texts[i]}
    items = []
    for i in test:
        key = {w for w in texts[i] if is_key(w)}
        if key and not key & seen and all(w in vectors.key_to_index for w in key):
            items.append(i)
    return np.array(items, dtype=int)


PARTS = "tasks"  # each task can run in its own process (see runs.execute_all)


def _fit(start, task, subset, x, tables, seed, rates, s, unseen) -> dict:
    trained = train_start(build_model, start, tables, x[subset], task.labels[subset], seed, rates, s["max_epochs"])
    p = probabilities(trained.model, x[task.test])
    result = {**scores_of(p, task.labels[task.test]), "rate": trained.rate, "epochs": trained.epochs,
              "stopped": trained.stopped}
    if len(unseen):  # unseen lists held-out texts in the held-out split's order
        result["unseen_accuracy"] = float(((p[np.isin(task.test, unseen)] > 0.5) == task.labels[unseen]).mean())
    return result


def run_part(r: Run, name: str) -> dict:
    """One task: every size, seed and start."""
    from tqdm import tqdm

    s = r.settings
    glove = load_pretrained()
    task = load_task(name)
    w2v = general_vectors("word2vec", without(vector_settings(r.quick), WITHOUT_TASK_TEXT.get(name)))
    is_key = key_word_test(KEY_WORDS[name])
    out = {"runs": {start: {str(n): [] for n in s["sizes"]} for start in STARTS},
           "unseen_items": {str(n): [] for n in s["sizes"]}, "rates": {}}
    progress = tqdm(total=len(s["sizes"]) * len(s["seeds"]) * len(STARTS), desc=f"little data, {name}", unit="model")
    for n in sorted(s["sizes"], reverse=True):  # the largest first: its first seed chooses the learning rates
        for seed in s["seeds"]:
            subset = np.random.default_rng(1000 + seed).choice(task.train, size=n, replace=False)
            vocab = task_vocabulary(task, subset, pretrained=[glove, w2v])
            x = vocab.encode(task.texts, LENGTH[name])
            unseen = unseen_items(task.texts, task.test, subset, is_key, glove)
            out["unseen_items"][str(n)].append(len(unseen))
            tables = {"glove": embedding_matrix(vocab, glove, seed), "word2vec": embedding_matrix(vocab, w2v, seed)}
            for start in STARTS:
                rates = [out["rates"][start]] if start in out["rates"] else s["rates"]
                run = _fit(start, task, subset, x, tables, seed, rates, s, unseen)
                out["rates"].setdefault(start, run["rate"])
                out["runs"][start][str(n)].append(run)
                progress.update()
    progress.close()
    return out


def combine(r: Run, tasks: dict) -> dict:
    results = {"settings": r.settings, "starts": list(STARTS), "key_words": {t: KEY_WORDS[t] for t in tasks},
               "tasks": tasks}
    _figure(r, results)
    return results


def curve(results: dict, task: str, start: str, key: str = "accuracy") -> tuple[np.ndarray, np.ndarray]:
    """Mean and sd over seeds at each size (NaN where no seed had such texts), as on the pages."""
    runs = [[run[key] for run in results["tasks"][task]["runs"][start][str(n)] if key in run]
            for n in results["settings"]["sizes"]]
    return (np.array([np.mean(v) if v else np.nan for v in runs]),
            np.array([np.std(v, ddof=1) if len(v) > 1 else np.nan for v in runs]))


def _figure(r: Run, results: dict) -> None:
    import matplotlib.pyplot as plt

    tasks, sizes = list(results["tasks"]), results["settings"]["sizes"]
    fig, axes = plt.subplots(len(tasks), 2, figsize=(8, 2.7 * len(tasks) + 0.6), sharex=True, squeeze=False)
    for row, task in zip(axes, tasks):
        for ax, key, title in ((row[0], "accuracy", f"{task}: all held-out texts"),
                               (row[1], "unseen_accuracy", f"{task}: texts whose {results['key_words'][task]}\n"
                                                           "never occur in training")):
            for i, start in enumerate(results["starts"]):
                mean, sd = curve(results, task, start, key)
                ax.plot(sizes, mean, marker="o", color=f"C{i}", label=start)
                ax.fill_between(sizes, mean - sd, mean + sd, color=f"C{i}", alpha=0.15)
            ax.set_xscale("log")
            ax.set_xticks(sizes, [str(n) for n in sizes])
            ax.minorticks_off()
            ax.set_title(title, fontsize=12)
            ax.axhline(0.5, color="black", linestyle=":", linewidth=1)
            ax.grid(alpha=0.3)
            ax.tick_params(labelsize=11)
        row[0].set_ylabel("accuracy", fontsize=12)
    for ax in axes[-1]:
        ax.set_xlabel("labelled training texts", fontsize=12)
    handles, labels = axes[0, 0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="upper center", ncol=2, fontsize=12, frameon=False)
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.7 / (2.7 * len(tasks) + 0.6)))
    r.save_figure(fig)
