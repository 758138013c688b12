"""Learning curves with little labelled data, on four tasks, for five starts of the averaging model's Embedding and a
logistic regression on averaged pretrained vectors.

random: Keras's default start, trained; GloVe 6B frozen, fine-tuned, or frozen then fine-tuned (the recipe of the
pretrained-vectors page); the site's own word2vec, fine-tuned. Every start gets the same training subset, vocabulary
(the subset's words plus every task word that GloVe 6B or word2vec knows) and seed, so it can be compared with the
random start seed by seed; each seed draws its own subset.

The protocol is one a practitioner with n labels could follow, and the same for every arm: no texts are held back
from the n for early stopping (at n = 50 a tenth is 5 texts, too few to stop by). Each arm trains for a fixed budget,
a learning rate and a number of epochs, chosen per arm and per size on a development pool of the training split that
no scored subset is drawn from: the budget with the best mean accuracy on the pool's scoring texts, over a few
development subsets of that size. The recipe's second stage gets its own number of epochs the same way, starting
from the frozen arm's budget. The held-out split is used only for scores.

The "Alps and Himalaya" test, on every task: held-out texts whose key words all have a GloVe 6B vector and none
occurs in the training subset. Key words were fixed before any result was seen: for polarity and subjectivity the
words of Hu and Liu's opinion lexicon, for clickbait and topic the content words (not an English stop word, not a
number). These subsets are small and unbalanced, so they are scored by balanced accuracy and ROC-AUC beside
accuracy, and a size whose subsets hold fewer than MIN_CELL_TEXTS texts over all its seeds is shown but never counted.

Every comparison is paired and its interval comes from the crossed bootstrap of embedlab.lab.stats (seeds, which
draw the subsets, and held-out texts together).
"""

from __future__ import annotations

import numpy as np

from embedlab.experiments.runs import Run
from embedlab.lab import stats
from embedlab.lab.classifier import (
    UNFREEZE_RATE,
    build_model,
    embedding_matrix,
    probabilities,
    scores_of,
    start_builder,
    train_budget,
    unfreeze,
)
from embedlab.lab.key_words import key_word_test
from embedlab.lab.pretrained import averaged, load_pretrained
from embedlab.lab.tasks import LENGTH, TASKS, load_task, task_vocabulary
from embedlab.lab.vectors import general_vectors, vector_settings, without

TITLE = "Little labelled data"
QUESTION = "When do vectors trained on billions of words help, and for which words?"
FULL = {"tasks": list(TASKS), "sizes": [50, 100, 300, 1000, 3000],
        "seeds": {"50": 10, "100": 10, "300": 10, "1000": 5, "3000": 5}, "rates": [0.001, 0.01], "max_epochs": 30,
        "dev_pool": 4000, "dev_scored": 1000, "dev_subsets": 3}
QUICK = {"tasks": ["topic"], "sizes": [50, 300], "seeds": {"50": 3, "300": 2}, "rates": [0.01], "max_epochs": 4,
         "dev_pool": 1500, "dev_scored": 500, "dev_subsets": 1}
UNFROZEN = "GloVe 6B frozen, then fine-tuned"  # continues the "GloVe 6B frozen" model of the same subset and seed
STARTS = ("random", "GloVe 6B frozen", "GloVe 6B fine-tuned", UNFROZEN, "word2vec fine-tuned")
REGRESSION = "logistic regression, averaged GloVe 6B"  # compared with the random start like the starts
ARMS = (*STARTS, REGRESSION)
KEY_WORDS = {"clickbait": "content words", "polarity": "opinion words", "subjectivity": "opinion words",
             "topic": "content words"}
# As on the five-starts page: the topic texts come from the ABC corpus, which word2vec is then trained without.
WITHOUT_TASK_TEXT = {"topic": "abc"}
# A held-out subset holds fewer texts than this over all the seeds of one size: shown, never counted. At 200 texts
# the standard error of an accuracy near 0.75 is 0.03, and that of a paired difference larger; a smaller cell cannot
# resolve the few-point differences these pages are about.
MIN_CELL_TEXTS = 200
FEW = 300  # sizes up to this are the "few labels" regime, the larger ones "more labels"
SUBSETS = ("all", "unseen")  # every held-out text; held-out texts whose key words never occur in training
PARTS = "tasks"  # each task can run in its own process (see runs.execute_all)


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


def pools(task, s: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The training split cut in three: development subsets are drawn from the first part and scored on the second;
    the scored subsets are drawn from the rest."""
    order = np.random.default_rng(7).permutation(task.train)
    pool = order[:s["dev_pool"]]
    return pool[s["dev_scored"]:], pool[:s["dev_scored"]], order[s["dev_pool"]:]


class Setting:
    """One training subset, encoded with its own vocabulary, and the starting tables for one seed."""

    def __init__(self, task, subset: np.ndarray, seed: int, glove, w2v):
        self.task, self.subset, self.seed = task, subset, seed
        vocab = task_vocabulary(task, subset, pretrained=[glove, w2v])
        self.x = vocab.encode(task.texts, LENGTH[task.name])
        self.tables = {"glove": embedding_matrix(vocab, glove, seed), "word2vec": embedding_matrix(vocab, w2v, seed)}

    def model(self, start: str, rate: float):
        import keras

        keras.utils.set_random_seed(self.seed)
        return start_builder(build_model, start, self.tables, self.x.shape[1])(keras.optimizers.Adam(rate))

    def train(self, model, epochs: int, watch=None) -> list[float]:
        return train_budget(model, self.x[self.subset], self.task.labels[self.subset], self.seed, epochs,
                            watch=None if watch is None else (self.x[watch], self.task.labels[watch]))


def _best(curves: dict) -> dict:
    """The budget with the best mean accuracy on the development scoring texts: curves[rate] lists one accuracy
    curve (after epoch 1, 2, ...) per development subset; the earliest epoch wins a tie."""
    means = {rate: np.mean(c, axis=0) for rate, c in curves.items()}
    rate = max(means, key=lambda r: means[r].max())
    epoch = int(np.argmax(means[rate]))
    return {"rate": rate, "epochs": epoch + 1, "dev_accuracy": float(means[rate][epoch]),
            "capped": epoch + 1 == len(means[rate])}


def choose_budgets(task, n: int, dev_train, dev_scored, glove, w2v, s: dict) -> dict:
    """Per start, the learning rate and epochs for subsets of n texts, chosen on the development pool (see module
    docstring); for the recipe, the first stage is the frozen arm's budget and its second stage's epochs are chosen
    (0 allowed: no second stage)."""
    settings = [Setting(task, np.random.default_rng(2000 + d).choice(dev_train, n, replace=False), d, glove, w2v)
                for d in range(s["dev_subsets"])]
    budgets = {}
    for start in STARTS:
        if start == UNFROZEN:
            continue
        curves = {rate: [setting.train(setting.model(start, rate), s["max_epochs"], dev_scored)
                         for setting in settings] for rate in s["rates"]}
        budgets[start] = _best(curves)
    first = budgets["GloVe 6B frozen"]
    second = []
    for setting in settings:
        model = setting.model("GloVe 6B frozen", first["rate"])
        setting.train(model, first["epochs"])
        start_accuracy = float(((probabilities(model, setting.x[dev_scored]) > 0.5) == task.labels[dev_scored]).mean())
        unfreeze(model, first["rate"] * UNFREEZE_RATE)
        second.append([start_accuracy, *setting.train(model, s["max_epochs"], dev_scored)])
    best = _best({first["rate"] * UNFREEZE_RATE: second})
    budgets[UNFROZEN] = best | {"epochs": best["epochs"] - 1}  # the curve began at epoch 0 of the second stage
    return budgets


def _logistic_regression(glove, task, subset) -> np.ndarray:
    """A logistic regression on each text's averaged GloVe 6B vectors, its regularisation chosen by cross-validation
    within the subset; its probabilities for the held-out texts."""
    from sklearn.linear_model import LogisticRegressionCV
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    x = averaged(glove, [task.texts[i] for i in subset])
    folds = int(min(5, np.bincount(task.labels[subset], minlength=2).min()))
    model = make_pipeline(StandardScaler(), LogisticRegressionCV(Cs=[0.01, 0.1, 1, 10], cv=folds, scoring="accuracy",
                                                                   max_iter=2000, use_legacy_attributes=False))
    model.fit(x, task.labels[subset])
    return model.predict_proba(averaged(glove, [task.texts[i] for i in task.test]))[:, 1]


def _scores(p: np.ndarray, y: np.ndarray, unseen: np.ndarray) -> dict:
    """Scores on every held-out text, and on the unseen ones (unseen: a mask over the held-out split) with the
    larger class's share there, the accuracy of always answering it."""
    out = scores_of(p, y)
    if unseen.any():
        u, pu = y[unseen], p[unseen]
        out |= {"unseen_texts": int(unseen.sum()), "unseen_larger_class": float(max(u.mean(), 1 - u.mean())),
                "unseen_accuracy": float(((pu > 0.5) == u).mean())}
        if 0 < u.sum() < len(u):  # both classes: balanced accuracy and ROC-AUC exist
            out |= {f"unseen_{metric}": float(stats.weighted_scores(metric, u, pu, np.ones((1, len(u))))[0])
                    for metric in ("balanced_accuracy", "roc_auc")}
    return out


def run_part(r: Run, name: str) -> dict:
    """One task: the budgets of every size and start, then every size, seed and arm."""
    from tqdm import tqdm

    s = r.settings
    glove = load_pretrained()
    task = load_task(name)
    w2v = general_vectors("word2vec", without(vector_settings(r.quick), WITHOUT_TASK_TEXT.get(name)))
    is_key = key_word_test(KEY_WORDS[name])
    dev_train, dev_scored, scored_pool = pools(task, s)
    y = task.labels[task.test]
    out = {"runs": {arm: {str(n): [] for n in s["sizes"]} for arm in ARMS}, "budgets": {},
           "unseen_items": {str(n): [] for n in s["sizes"]}, "pools": {"development": len(dev_train),
           "development scoring": len(dev_scored), "scored subsets drawn from": len(scored_pool)}}
    held_out = {"labels": y, "probabilities": {arm: {} for arm in ARMS}, "unseen": {}}
    progress = tqdm(total=sum(s["seeds"][str(n)] for n in s["sizes"]) * len(ARMS), desc=f"little data, {name}",
                    unit="model")
    for n in s["sizes"]:
        budgets = out["budgets"][str(n)] = choose_budgets(task, n, dev_train, dev_scored, glove, w2v, s)
        probs = {arm: [] for arm in ARMS}
        masks = []
        for seed in range(s["seeds"][str(n)]):
            setting = Setting(task, np.random.default_rng(1000 + seed).choice(scored_pool, n, replace=False), seed,
                              glove, w2v)
            unseen = np.isin(task.test, unseen_items(task.texts, task.test, setting.subset, is_key, glove))
            out["unseen_items"][str(n)].append(int(unseen.sum()))
            masks.append(unseen)
            models = {}
            for start in STARTS:
                budget = budgets[start]
                if start == UNFROZEN:  # goes on from the frozen model, already scored
                    models[start] = models["GloVe 6B frozen"]
                    unfreeze(models[start], budget["rate"])
                else:
                    models[start] = setting.model(start, budget["rate"])
                setting.train(models[start], budget["epochs"])
                probs[start].append(probabilities(models[start], setting.x[task.test]))
                progress.update()
            probs[REGRESSION].append(_logistic_regression(glove, task, setting.subset))
            progress.update()
            for arm in ARMS:
                out["runs"][arm][str(n)].append(_scores(probs[arm][-1], y, unseen))
        for arm in ARMS:
            held_out["probabilities"][arm][str(n)] = np.array(probs[arm])
        held_out["unseen"][str(n)] = np.array(masks)
    progress.close()
    out["held_out"] = held_out
    return out


def combine(r: Run, tasks: dict) -> dict:
    """The tasks' results with their paired comparisons, the effects pooled over tasks and sizes per regime, and the
    figure."""
    sizes = r.settings["sizes"]
    cells = {}
    for i, (name, t) in enumerate(tasks.items()):
        cells |= _comparisons(name, t.pop("held_out"), sizes, np.random.default_rng(200 + i))
    counted = {k: c for k, c in cells.items() if c["texts"] >= MIN_CELL_TEXTS}
    # Holm families: one per kind of comparison, metric and subset of texts, over the cells that count
    summaries = stats.summarised(counted, lambda key: key[3:])
    summaries |= {k: stats.summary(c["mean"], c["replicates"]) | {"texts": c["texts"]}
                  for k, c in cells.items() if k not in counted}
    for name, t in tasks.items():
        t["versus_random"] = {str(n): {arm: {subset: {metric: _cell(summaries, (name, str(n), arm, metric, subset))
                                                      for metric in stats.METRICS} for subset in SUBSETS}
                                       for arm in ARMS[1:]} for n in sizes}
        t["frozen_versus_regression"] = {
            str(n): {subset: {metric: _cell(summaries, (name, str(n), "GloVe 6B frozen", metric, subset, "regression"))
                              for metric in stats.METRICS} for subset in SUBSETS} for n in sizes}
    results = {"settings": r.settings, "starts": list(STARTS), "arms": list(ARMS), "metrics": list(stats.METRICS),
               "replicates": stats.REPLICATES, "min_cell_texts": MIN_CELL_TEXTS, "few": FEW,
               "key_words": {t: KEY_WORDS[t] for t in tasks}, "tasks": tasks,
               "pooled": _pooled(counted, list(tasks), sizes),
               "capped": sum(b["capped"] for t in tasks.values() for by_start in t["budgets"].values()
                             for b in by_start.values())}
    _figure(r, results)
    return results


def _cell(summaries: dict, key: tuple) -> dict:
    return summaries[key] | {"counted": summaries[key]["texts"] >= MIN_CELL_TEXTS}


def _comparisons(name: str, held_out: dict, sizes, rng: np.random.Generator) -> dict:
    """Keyed (task, size, arm, metric, subset): every arm against the random start, and (key ending in
    "regression") the frozen GloVe 6B start against the logistic regression on the same vectors. One draw of text
    weights for the task (the held-out texts are the same at every size), one draw of seed weights per size."""
    y = held_out["labels"]
    texts = stats.counts(len(y), stats.REPLICATES, rng)
    cells = {}
    for n in map(str, sizes):
        arms = {arm: held_out["probabilities"][arm][n] for arm in ARMS}
        seeds = stats.counts(len(arms["random"]), stats.REPLICATES, rng)
        for subset, masks in (("all", None), ("unseen", held_out["unseen"][n])):
            for arm, by_metric in stats.compare(y, arms, "random", texts, seeds, masks=masks).items():
                cells |= {(name, n, arm, metric, subset): cell for metric, cell in by_metric.items()}
            frozen = {k: arms[k] for k in ("GloVe 6B frozen", REGRESSION)}
            for metric, cell in stats.compare(y, frozen, REGRESSION, texts, seeds, masks=masks)[
                    "GloVe 6B frozen"].items():
                cells[name, n, "GloVe 6B frozen", metric, subset, "regression"] = cell
    return cells


def _pooled(counted: dict, tasks: list[str], sizes) -> dict:
    """Per regime (few labels: sizes up to FEW; more labels), arm, subset and metric: the difference from the random
    start averaged over the tasks and sizes whose cells count (stats.pooled)."""
    regimes = {"few labels": [str(n) for n in sizes if n <= FEW], "more labels": [str(n) for n in sizes if n > FEW]}
    out = {}
    for regime, ns in regimes.items():
        out[regime] = {"sizes": [int(n) for n in ns]}
        for arm in ARMS[1:]:
            out[regime][arm] = {}
            for subset in SUBSETS:
                out[regime][arm][subset] = {}
                for metric in stats.METRICS:
                    found = [counted[key] for task in tasks for n in ns
                             if (key := (task, n, arm, metric, subset)) in counted]
                    if found:
                        out[regime][arm][subset][metric] = stats.pooled(found)
    return out


def curve(results: dict, task: str, arm: str, key: str = "accuracy") -> np.ndarray:
    """The mean over seeds at each size (NaN where no seed had such texts), as on the pages."""
    runs = [[run[key] for run in results["tasks"][task]["runs"][arm][str(n)] if key in run]
            for n in results["settings"]["sizes"]]
    return np.array([np.mean(v) if v else np.nan for v in runs])


def counts_at(results: dict, task: str) -> list[bool]:
    """Per size, whether the unseen subsets of that task hold at least MIN_CELL_TEXTS texts over all seeds."""
    t = results["tasks"][task]
    return [sum(t["unseen_items"][str(n)]) >= results["min_cell_texts"] for n in results["settings"]["sizes"]]


def _figure(r: Run, results: dict) -> None:
    """Per task (a row): accuracy on every held-out text; accuracy on the unseen texts with the larger class's share;
    their balanced accuracy. Sizes whose unseen subsets are too small to count are drawn as grey open markers."""
    import matplotlib.pyplot as plt

    tasks, sizes = list(results["tasks"]), results["settings"]["sizes"]
    fig, axes = plt.subplots(len(tasks), 3, figsize=(7.0, 2.2 * len(tasks) + 1.6), sharex=True, squeeze=False)
    panels = (("accuracy", "all held-out texts:\naccuracy"), ("unseen_accuracy", "unseen key words:\naccuracy"),
              ("unseen_balanced_accuracy", "unseen key words:\nbalanced accuracy"))
    for row, task in zip(axes, tasks):
        ok = np.array(counts_at(results, task))
        for ax, (key, title) in zip(row, panels):
            for i, arm in enumerate(results["arms"]):
                mean = curve(results, task, arm, key)
                shown = mean if key == "accuracy" else np.where(ok, mean, np.nan)
                ax.plot(sizes, shown, marker="o", markersize=4, color=f"C{i}", label=arm)
                if key != "accuracy":
                    ax.plot(np.array(sizes)[~ok], mean[~ok], marker="o", markersize=4, linestyle="none",
                            markerfacecolor="none", color="0.6")
            if key == "unseen_accuracy":
                ax.plot(sizes, curve(results, task, "random", "unseen_larger_class"), color="black",
                        linestyle="--", linewidth=1, label="always the larger class")
            ax.axhline(0.5, color="black", linestyle=":", linewidth=1)
            ax.set_xscale("log")
            ax.set_xticks(sizes, [f"{n:,}" if n < 1000 else f"{n // 1000}k" for n in sizes])
            ax.minorticks_off()
            ax.grid(alpha=0.3)
            ax.tick_params(labelsize=10.5)
            if task == tasks[0]:
                ax.set_title(title, fontsize=11)
        row[0].set_ylabel(task, fontsize=11.5)
    for ax in axes[-1]:
        ax.set_xlabel("labelled texts", fontsize=11)
    handles, labels = axes[0, 1].get_legend_handles_labels()
    fig.legend(handles, labels, loc="upper center", ncol=2, fontsize=10.5, frameon=False)
    fig.tight_layout(rect=(0, 0, 1, 1 - 1.5 / (2.2 * len(tasks) + 1.6)))
    r.save_figure(fig)
