"""Objective or data: does the polarity table hold polarity because of what it was trained to do, or because of the
text it was trained on?

The polarity table (the Embedding of a sentiment classifier trained from scratch) and this site's word2vec differ
in two ways at once: the objective (a label against neighbouring words) and the text (the review sentences of the
task's training split against 2.4 million words of general text). Here word2vec and GloVe are trained, at the
table's dimension, on exactly the sentences the table was trained on, and on a larger text of the same domain
(NLTK's movie_reviews, about 1.5 million words). The Two spaces measures are made on every space over one shared
vocabulary, with 95% bootstrap intervals over the items crossed with seeds. Same text, other objective: the table
against word2vec and GloVe on its own sentences. Same objective, other text: word2vec and GloVe on those sentences,
on movie reviews and (word2vec) on general text.

    python -m embedlab.experiments.objective glove SEED QUICK PATH   (trains GloVe on the sentences, into PATH)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
from gensim.models import KeyedVectors

from embedlab.data.corpus import opinion_lexicon
from embedlab.experiments.runs import Run
from embedlab.experiments.two_spaces import (
    CHANCE,
    PROBES,
    TABLE_METRICS,
    _describe,
    _frequent_lexicon,
    _pick,
    _plain,
    _random_space,
    _table_vectors,
)
from embedlab.lab import bootstrap
from embedlab.lab.constants import DIM
from embedlab.lab.task_models import task_model, training_indices
from embedlab.lab.tasks import load_task
from embedlab.lab.vectors import GLOVE_BACKEND, general_vectors, train_glove, train_word2vec, vector_settings
from embedlab.store import atomic_save, cache_dir, fingerprint

TITLE = "Objective or data?"
QUESTION = "Is it the objective or the text that makes a task-trained table hold polarity rather than meaning?"
FULL = {"seeds": [0, 1, 2]}
QUICK = {"seeds": [0]}

TABLE = "polarity table: label, its sentences"
W2V_OWN, GLOVE_OWN = "word2vec: its sentences", "GloVe: its sentences"
W2V_MOVIES, GLOVE_MOVIES = "word2vec: movie reviews", "GloVe: movie reviews"
W2V_GENERAL, RANDOM = "word2vec: general text", "random (untrained)"
MOVIES = ("movie_reviews",)
# Paired differences on the same drawn items: first minus each of the others. Same text, other objective (the table
# against the neighbour objectives on its sentences); same objective, more or other text.
COMPARED = {TABLE: [W2V_OWN, GLOVE_OWN, RANDOM], W2V_MOVIES: [W2V_OWN], GLOVE_MOVIES: [GLOVE_OWN],
            W2V_GENERAL: [W2V_MOVIES]}


def table_sentences(quick: bool) -> list[list[str]]:
    """The polarity task's training sentences, tokenised as the table saw them."""
    task = load_task("polarity")
    return [task.texts[i] for i in training_indices(task, quick)]


def _own_glove(seed: int, quick: bool) -> KeyedVectors:
    """GloVe on the table's sentences, trained under GLOVE_BACKEND in a fresh interpreter (as the site's other GloVe
    vectors are, see embedlab.lab.vectors) and cached, keyed by this module's code."""
    key = fingerprint(modules=[__name__], params=["glove", seed, quick, GLOVE_BACKEND])[:16]
    path = cache_dir() / "vectors" / f"objective-glove-{key}.bin"
    if not path.is_file():
        env = dict(os.environ, KERAS_BACKEND=GLOVE_BACKEND, TF_CPP_MIN_LOG_LEVEL="3")
        subprocess.run([sys.executable, "-m", __name__, "glove", str(seed), json.dumps(quick), str(path)], env=env,
                       check=True)
    return KeyedVectors.load_word2vec_format(str(path), binary=True)


def _spaces(seeds: list[int], quick: bool) -> dict[str, list[KeyedVectors]]:
    settings = vector_settings(quick)
    own = table_sentences(quick)
    movies = replace(settings, corpora=MOVIES)
    return {
        TABLE: [_table_vectors(task_model("polarity", seed, quick)) for seed in seeds],
        W2V_OWN: [train_word2vec(own, replace(settings, seed=seed)) for seed in seeds],
        GLOVE_OWN: [_own_glove(seed, quick) for seed in seeds],
        W2V_MOVIES: [general_vectors("word2vec", replace(movies, seed=seed)) for seed in seeds],
        GLOVE_MOVIES: [general_vectors("glove", replace(movies, seed=seed)) for seed in seeds],
        W2V_GENERAL: [general_vectors("word2vec", settings)],
    }


def run(r: Run) -> dict:
    seeds = r.settings["seeds"]
    spaces = _spaces(seeds, r.quick)
    shared = set.intersection(*(set(v.key_to_index) for versions in spaces.values() for v in versions))
    words = sorted(shared)
    spaces[RANDOM] = [_random_space(words, DIM, seed) for seed in seeds]
    lexicon = opinion_lexicon()
    frequent = _frequent_lexicon(lexicon, shared, r.quick)
    results = {"shared_vocabulary": len(words), "dimensions": DIM, "probes": PROBES,
               "tokens": {"its sentences": sum(map(len, table_sentences(r.quick)))}, "spaces": {},
               "differences": {first: {second: {} for second in others} for first, others in COMPARED.items()}}
    items = {label: {} for label in TABLE_METRICS}
    for name, versions in spaces.items():
        described = [_describe(v, words, lexicon, frequent) for v in versions]
        for label, path in TABLE_METRICS.items():
            items[label][name] = [_pick(d, path) for d in described]
        results["spaces"][name] = {"seeds": len(versions), "details": _plain(described[0]), "intervals": {}}
    for label, found in items.items():
        drawn, rng = bootstrap.draws(found[TABLE][0].shape[-1]), np.random.default_rng(0)
        replicated = {name: bootstrap.crossed(versions, drawn, rng) for name, versions in found.items()}
        for name, summary in replicated.items():
            results["spaces"][name]["intervals"][label] = bootstrap.interval(*summary)
        for first, others in COMPARED.items():
            for second in others:
                results["differences"][first][second][label] = bootstrap.difference(replicated[first],
                                                                                    replicated[second])
    _figure(r, results)
    return results


COLOURS = {"label": "#D55E00", "word2vec": "#0072B2", "GloVe": "#009E73", "random": "#8c8c8c"}  # Okabe-Ito
FIGURE_TEXT = 12  # points, as on Two spaces: readable at 390 px


def _figure(r: Run, results: dict) -> None:
    """One panel per measure, two to a row; the spaces named beside their bars, coloured by objective."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    names = list(results["spaces"])
    rows = -(-len(TABLE_METRICS) // 2)
    fig, axes = plt.subplots(rows, 2, figsize=(7.4, 3.0 * rows))
    colour = {name: COLOURS[next(k for k in COLOURS if k in name)] for name in names}
    for ax, label in zip(axes.flat, TABLE_METRICS):
        for row, name in enumerate(names):
            found = results["spaces"][name]["intervals"][label]
            spread = [[found["mean"] - found["low"]], [found["high"] - found["mean"]]]
            ax.barh(row, found["mean"], color=colour[name], xerr=spread, height=0.75)
        bottom = len(names) - 0.5
        if label in CHANCE:
            section, key = CHANCE[label]
            chance = results["spaces"][TABLE]["details"][section][key]
            ax.axvline(chance, color="black", linestyle=":")
            bottom += 1  # a free row under the bars, where the dotted line is named
            ax.text(chance, len(names), "chance", ha="center", va="center", fontsize=FIGURE_TEXT,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        ax.set_ylim(bottom, -0.5)
        ax.set_yticks(range(len(names)), [name.replace("polarity table: ", "table: ") for name in names])
        ax.set_title(label.replace(", ", ",\n").replace(" accuracy", "\naccuracy"), fontsize=FIGURE_TEXT)
        ax.tick_params(labelsize=FIGURE_TEXT)
        ax.xaxis.set_major_locator(MaxNLocator(4))
        ax.axvline(0, color="black", linewidth=0.5)
    for ax in axes.flat[len(TABLE_METRICS):]:
        ax.axis("off")
    objectives = [Patch(color=c, label=k if k != "label" else "label (the task)") for k, c in COLOURS.items()]
    fig.legend(handles=objectives, loc="upper center", ncol=len(objectives), fontsize=FIGURE_TEXT, frameon=False,
               handlelength=1, columnspacing=1)
    fig.tight_layout(rect=(0, 0, 1, 0.97), h_pad=1.5, w_pad=1)
    r.save_figure(fig)


if __name__ == "__main__":
    _, method, seed, quick, out = sys.argv
    quick = json.loads(quick)
    settings = replace(vector_settings(quick), seed=int(seed))
    vectors = train_glove(table_sentences(quick), settings)
    atomic_save(Path(out), lambda temporary: vectors.save_word2vec_format(temporary, binary=True))
