"""The same words in two kinds of space, task-trained tables and vectors trained on general text.

Every measure comes with a 95% bootstrap interval over what it is measured on (word pairs for the similarity
correlations, questions for the analogies, lexicon words for polarity agreement and the probe), crossed with the
seeds where a space has several; the polarity table is compared with every other space by paired intervals of the
difference, on the same drawn items.
"""

from __future__ import annotations

import collections

import numpy as np
from gensim.models import KeyedVectors

from embedlab.data.corpus import general_corpus, opinion_lexicon
from embedlab.experiments.runs import Run
from embedlab.lab import bootstrap
from embedlab.lab.constants import DIM, FREQUENT
from embedlab.lab.evaluation import describe, polarity, restrict
from embedlab.lab.pretrained import load_pretrained
from embedlab.lab.task_models import task_model, training_indices
from embedlab.lab.tasks import FIRST_WORD, TASK_PAIR, load_task
from embedlab.lab.vectors import METHODS, general_vectors, vector_settings

TITLE = "Two spaces side by side"
QUESTION = "Do task-trained tables and word2vec, GloVe, fastText capture meaning, or polarity?"
FULL = {"seeds": [0, 1, 2]}
QUICK = {"seeds": [0, 1]}
PROBES = ["good", "bad", "funny", "boring", "money", "war", "man", "city", "love", "new"]
TABLE_METRICS = {  # label on the page -> path into describe()'s result, to the items the measure is made of
    "WordSim353 Spearman": ("similarity", "wordsim353", "scores"),
    "SimLex-999 Spearman": ("similarity", "simlex999", "scores"),
    "semantic analogies": ("analogies", "semantic", "hits"),
    "syntactic analogies": ("analogies", "syntactic", "hits"),
    "polarity agreement": ("polarity", "agreements"),
    "agreement, frequent review words": ("polarity_frequent", "agreements"),
    "polarity probe accuracy": ("polarity", "probe_hits"),
    "probe, frequent review words": ("polarity_frequent", "probe_hits"),
}
CHANCE = {  # where each polarity measure's chance level is recorded
    "polarity agreement": ("polarity", "chance"),
    "agreement, frequent review words": ("polarity_frequent", "chance"),
    "polarity probe accuracy": ("polarity", "probe_chance"),
    "probe, frequent review words": ("polarity_frequent", "probe_chance"),
}
PUBLISHED_SPACE = "GloVe 6B (published, 6 billion words)"
POLARITY_SPACE = "polarity task (trained from scratch)"
# The paired differences reported (space -> the spaces it is compared with): the polarity table against every other
# space; GloVe 6B against this site's vectors, among them its GloVe (the same algorithm: corpus, dimension and
# training settings differ); and this site's GloVe against its word2vec (same corpus and dimension: the algorithm
# differs), two steps that change fewer things at once than GloVe 6B against this site's word2vec.
SITE_SPACES = [f"{method} (general text)" for method in METHODS]
COMPARED = {POLARITY_SPACE: [PUBLISHED_SPACE, *SITE_SPACES, "clickbait task (trained from scratch)",
                             "random (untrained)"],
            PUBLISHED_SPACE: SITE_SPACES, "glove (general text)": ["word2vec (general text)"]}


def _table_vectors(model) -> KeyedVectors:
    vectors = KeyedVectors(model.table.shape[1])
    vectors.add_vectors(model.vocab.words[FIRST_WORD:], model.table[FIRST_WORD:])  # padding, [UNK] left out
    return vectors


def _random_space(words: list[str], dim: int, seed: int) -> KeyedVectors:
    """A control: vectors with no training at all, drawn like a fresh Keras Embedding."""
    vectors = KeyedVectors(dim)
    vectors.add_vectors(words, np.random.default_rng(seed).uniform(-0.05, 0.05, (len(words), dim)))
    return vectors


def _frequent_lexicon(lexicon, words: set[str], quick: bool) -> tuple[list[str], list[str]]:
    """The lexicon words that occur at least FREQUENT times in the texts the polarity table was trained on."""
    task = load_task("polarity")
    counts = collections.Counter(w for i in training_indices(task, quick) for w in task.texts[i])
    return tuple([w for w in side if w in words and counts[w] >= FREQUENT] for side in lexicon)


def _describe(vectors, words, lexicon, frequent) -> dict:
    vectors = restrict(vectors, words)
    return describe(vectors, lexicon, PROBES) | {"polarity_frequent": polarity(vectors, *frequent)}


def _pick(result: dict, path: tuple):
    for key in path:
        result = result[key]
    return result


def _plain(result: dict) -> dict:
    """describe()'s result without its per-item arrays, for the results file."""
    return {k: _plain(v) if isinstance(v, dict) else v for k, v in result.items() if not isinstance(v, np.ndarray)}


def _intervals(items: dict[str, list[np.ndarray]]) -> tuple[dict, dict]:
    """One measure's interval for every space ({space: per-seed items}) and the COMPARED differences, all on the
    same drawn items."""
    drawn, rng = bootstrap.draws(items[PUBLISHED_SPACE][0].shape[-1]), np.random.default_rng(0)
    replicated = {name: bootstrap.crossed(versions, drawn, rng) for name, versions in items.items()}
    differences = {first: {second: bootstrap.difference(replicated[first], replicated[second]) for second in others}
                   for first, others in COMPARED.items()}
    return {name: bootstrap.interval(*r) for name, r in replicated.items()}, differences


def run(r: Run) -> dict:
    from tqdm import tqdm

    seeds = r.settings["seeds"]
    settings = vector_settings(r.quick)
    general = {method: general_vectors(method, settings) for method in tqdm(METHODS, desc="general-text vectors")}
    tasks = {task: [_table_vectors(task_model(task, seed, r.quick)) for seed in seeds] for task in TASK_PAIR}
    glove = load_pretrained()
    # One shared vocabulary: every space answers the same questions about the same words.
    shared = set.intersection(set(glove.key_to_index), *(set(v.key_to_index) for v in general.values()),
                              *(set(tables[0].key_to_index) for tables in tasks.values()))
    words = sorted(shared)
    lexicon = opinion_lexicon()
    frequent = _frequent_lexicon(lexicon, shared, r.quick)
    spaces = {PUBLISHED_SPACE: [glove]}
    spaces |= {name: [general[method]] for name, method in zip(SITE_SPACES, METHODS)}
    spaces |= {f"{task} task (trained from scratch)": tables for task, tables in tasks.items()}
    spaces["random (untrained)"] = [_random_space(words, DIM, seed) for seed in seeds]
    corpus_tokens = sum(map(len, general_corpus()[: settings.max_sentences]))  # what the vectors were trained on
    results = {"corpus_tokens": corpus_tokens, "shared_vocabulary": len(words), "frequent_threshold": FREQUENT,
               "probes": PROBES, "spaces": {},
               "differences": {first: {second: {} for second in others} for first, others in COMPARED.items()}}
    items = {label: {} for label in TABLE_METRICS}
    for name, versions in spaces.items():
        described = [_describe(v, words, lexicon, frequent) for v in versions]
        for label, path in TABLE_METRICS.items():
            items[label][name] = [_pick(d, path) for d in described]
        results["spaces"][name] = {
            "seeds": len(versions),
            "dimensions": versions[0].vector_size,
            "details": _plain(described[0]),  # seed 0; neighbours and counts are read from here
            "metrics": {label: [float(bootstrap.measure(i)[0]) for i in items[label][name]]
                        for label in TABLE_METRICS},
            "intervals": {},
        }
    for label, found in items.items():
        intervals, differences = _intervals(found)
        for name, summary in intervals.items():
            results["spaces"][name]["intervals"][label] = summary
        for first, others in differences.items():
            for second, summary in others.items():
                results["differences"][first][second][label] = summary
    _figure(r, results)
    return results


# How the figure names each space beside its bars, and the colour of its kind.
SHORT = {PUBLISHED_SPACE: "GloVe 6B", "word2vec (general text)": "word2vec (site)",
         "glove (general text)": "GloVe (site)", "fasttext (general text)": "fastText (site)",
         "clickbait task (trained from scratch)": "clickbait table", POLARITY_SPACE: "polarity table",
         "random (untrained)": "random"}
KINDS = {"trained on general text": "#0072B2", "trained on a task": "#D55E00", "untrained": "#8c8c8c"}  # Okabe-Ito
FIGURE_TEXT = 12  # points; the figure is about 500 points wide, so this shows at about 9.5 px on a 390 px phone


def _kind(name: str) -> str:
    if "untrained" in name:
        return "untrained"
    return "trained on a task" if " task " in name else "trained on general text"


def _figure(r: Run, results: dict) -> None:
    """One panel per measure, two to a row; every panel names the spaces beside their bars."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    names = list(results["spaces"])
    rows = -(-len(TABLE_METRICS) // 2)
    fig, axes = plt.subplots(rows, 2, figsize=(7.0, 3.1 * rows))
    for ax, label in zip(axes.flat, TABLE_METRICS):
        for row, name in enumerate(names):
            found = results["spaces"][name]["intervals"][label]
            spread = [[found["mean"] - found["low"]], [found["high"] - found["mean"]]]
            ax.barh(row, found["mean"], color=KINDS[_kind(name)], xerr=spread, height=0.75)
        bottom = len(names) - 0.5
        if label in CHANCE:
            section, key = CHANCE[label]
            chance = results["spaces"][names[0]]["details"][section][key]
            ax.axvline(chance, color="black", linestyle=":")
            bottom += 1  # a free row under the bars, where the dotted line is named
            ax.text(chance, len(names), "chance", ha="center", va="center", fontsize=FIGURE_TEXT,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        ax.set_ylim(bottom, -0.5)  # the first space on top
        ax.set_yticks(range(len(names)), [SHORT.get(name, name) for name in names])
        ax.set_title(label.replace(", ", ",\n").replace(" accuracy", "\naccuracy"), fontsize=FIGURE_TEXT)
        ax.tick_params(labelsize=FIGURE_TEXT)
        ax.xaxis.set_major_locator(MaxNLocator(4))
        ax.axvline(0, color="black", linewidth=0.5)
    for ax in axes.flat[len(TABLE_METRICS):]:
        ax.axis("off")
    kinds = [Patch(color=KINDS[kind], label=kind) for kind in dict.fromkeys(map(_kind, names))]
    fig.legend(handles=kinds, loc="upper center", ncol=len(kinds), fontsize=FIGURE_TEXT, frameon=False,
               handlelength=1, columnspacing=1)
    fig.tight_layout(rect=(0, 0, 1, 0.97), h_pad=1.5, w_pad=1)
    r.save_figure(fig)
