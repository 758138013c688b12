"""The same words on three maps: this site's word2vec, GloVe 6B (six billion words), and the polarity classifier's
Embedding table.

Each space is projected to 2-D with t-SNE (seeded). The results hold the words, their groups and both maps, which
the site draws as linked interactive plots; each word's score, its row's dot product with the classifier's Dense
unit, which decides where it lands in the table's map; and the numbers that say how far a map can be trusted: how
many nearest neighbours the two spaces share, and how well positive and negative words stay apart before and after
projecting.
"""

from __future__ import annotations

import collections

import numpy as np

from embedlab.data.corpus import opinion_lexicon
from embedlab.experiments.runs import Run
from embedlab.lab.constants import FREQUENT
from embedlab.lab.evaluation import agreement, agreement_chance, nearest
from embedlab.lab.pretrained import load_pretrained
from embedlab.lab.task_models import task_model, training_indices
from embedlab.lab.tasks import FIRST_WORD, load_task
from embedlab.lab.vectors import general_vectors, vector_settings

TITLE = "Maps of the same words"
QUESTION = "Where do the same words lie in the polarity table, in word2vec and in GloVe 6B? (interactive)"
FULL = {"seed": 0}  # the one polarity model mapped (t-SNE is seeded too)
QUICK = {"seed": 0}
WORD2VEC, GLOVE, TASK = "word2vec (general text)", "GloVe 6B (6 billion words)", "polarity task (trained from scratch)"
OTHER_WORDS = 200  # the most frequent non-lexicon words of the training texts, for context
K = 10  # nearest neighbours compared
SHOWN_NEIGHBOURS = 5  # nearest neighbours listed in the map's tooltip
COLORS = {"positive": "#0072B2", "negative": "#D55E00", "other": "#8c8c8c"}  # Okabe-Ito: safe for colour blindness
LABELLED = ["good", "bad", "best", "worst", "funny", "boring", "love", "film", "the", "and"]  # named on the maps


def _words(known: set[str], quick: bool) -> tuple[list[str], list[str]]:
    """Frequent lexicon words (the polarity table saw them often enough to learn them) and frequent other words."""
    task = load_task("polarity")
    counts = collections.Counter(w for i in training_indices(task, quick) for w in task.texts[i])
    positive, negative = (set(side) for side in opinion_lexicon())
    ranked = [w for w, n in counts.most_common() if w in known]
    groups = {
        "positive": [w for w in ranked if w in positive and counts[w] >= FREQUENT],
        "negative": [w for w in ranked if w in negative and counts[w] >= FREQUENT],
        "other": [w for w in ranked if w not in positive and w not in negative][:OTHER_WORDS],
    }
    return [w for ws in groups.values() for w in ws], [g for g, ws in groups.items() for _ in ws]


def _split_follows_score(xy: np.ndarray, score: np.ndarray) -> float:
    """Cut the map into two clouds (k-means) and measure how well the side of a word matches the sign of its score."""
    from sklearn.cluster import KMeans

    side = KMeans(2, n_init=10, random_state=0).fit_predict(xy) == 1
    match = float(np.mean(side == (score > 0)))
    return max(match, 1 - match)  # which cloud k-means calls 1 is arbitrary


def _project(x: np.ndarray) -> np.ndarray:
    from sklearn.manifold import TSNE

    return TSNE(2, metric="cosine", init="pca", perplexity=30, random_state=0).fit_transform(x)


def _space(x: np.ndarray, words: list[str], lexicon: np.ndarray, sign: np.ndarray) -> dict:
    from sklearn.manifold import trustworthiness

    xy = _project(x)
    shown = nearest(x, SHOWN_NEIGHBOURS)
    return {
        "x": np.round(xy[:, 0], 3).tolist(),
        "y": np.round(xy[:, 1], 3).tolist(),
        "neighbours": [[words[j] for j in row] for row in shown],
        "agreement": agreement(nearest(x[lexicon], K), sign),
        "agreement_2d": agreement(nearest(xy[lexicon], K, "euclidean"), sign),
        "trustworthiness": float(trustworthiness(x, xy, n_neighbors=K, metric="cosine")),
    }


def run(r: Run) -> dict:
    word2vec = general_vectors("word2vec", vector_settings(r.quick))
    glove = load_pretrained()
    table = task_model("polarity", r.settings["seed"], r.quick)
    rows = {w: i for i, w in enumerate(table.vocab.words) if i >= FIRST_WORD}  # padding and [UNK] rows left out
    words, groups = _words(set(word2vec.key_to_index) & set(glove.key_to_index) & set(rows), r.quick)
    vectors = {WORD2VEC: word2vec[words], GLOVE: glove[words], TASK: table.table[[rows[w] for w in words]]}
    lexicon = np.array([g != "other" for g in groups])
    sign = np.array([g == "positive" for g in groups])[lexicon]
    lists = {name: nearest(x, K) for name, x in vectors.items()}
    shared = [len(set(a) & set(b)) for a, b in zip(lists[WORD2VEC], lists[TASK])]
    shared_glove = [len(set(a) & set(b)) for a, b in zip(lists[GLOVE], lists[TASK])]
    score = vectors[TASK] @ table.unit[:-1]  # what the classifier reads off each row: > 0 leans positive
    results = {
        "words": words,
        "groups": groups,
        "colors": COLORS,
        "labelled": [w for w in LABELLED if w in words],
        "counts": dict(collections.Counter(groups)),
        "frequent_threshold": FREQUENT,
        "k": K,
        "shared_neighbours": shared,
        "shared_mean": float(np.mean(shared)),
        "shared_chance": K * K / (len(words) - 1),  # two random neighbour lists of K among the other words
        "shared_none": float(np.mean(np.array(shared) == 0)),
        "shared_neighbours_glove": shared_glove,
        "shared_mean_glove": float(np.mean(shared_glove)),
        "shared_none_glove": float(np.mean(np.array(shared_glove) == 0)),
        "agreement_chance": agreement_chance(sign),
        "score": dict(zip(words, np.round(score, 3).tolist())),
        "lexicon_score_agrees": float(np.mean((score[lexicon] > 0) == sign)),
        "spaces": {name: _space(x, words, lexicon, sign) for name, x in vectors.items()},
    }
    task_map = np.column_stack([results["spaces"][TASK]["x"], results["spaces"][TASK]["y"]])
    results["split_follows_score"] = _split_follows_score(task_map, score)
    _figure(r, results)
    return results


def _figure(r: Run, results: dict) -> None:
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(2, 2, figsize=(8, 8.4))
    groups = np.array(results["groups"])
    for ax, (name, space) in zip(axes.flat, results["spaces"].items()):
        x, y = np.array(space["x"]), np.array(space["y"])
        for group, color in results["colors"].items():
            at = groups == group
            ax.scatter(x[at], y[at], s=10, color=color, alpha=0.8, label=f"{group} ({at.sum()})")
        ax.set_title(name, fontsize=12)
        ax.set_xticks([])
        ax.set_yticks([])
    handles, labels = axes.flat[0].get_legend_handles_labels()
    axes.flat[-1].axis("off")
    axes.flat[-1].legend(handles, labels, loc="center", fontsize=12, markerscale=2, frameon=False)
    fig.canvas.draw()  # the panels' limits final, so that the labels' boxes are measured where they will be drawn
    for ax, space in zip(axes.flat, results["spaces"].values()):
        _label_words(ax, [(word, space["x"][i], space["y"][i]) for word, i in
                          ((w, results["words"].index(w)) for w in results["labelled"])])
    r.save_figure(fig)


# Where a word's label may go, tried in turn: offsets in points from its point, and the text's alignment there.
PLACES = [((3, 3), "left", "bottom"), ((3, -3), "left", "top"), ((-3, 3), "right", "bottom"),
          ((-3, -3), "right", "top"), ((0, 5), "center", "bottom"), ((0, -5), "center", "top"),
          ((5, 0), "left", "center"), ((-5, 0), "right", "center")]


def _label_words(ax, points: list[tuple[str, float, float]], size: int = 11) -> None:
    """Name the points, in the order given, each at the first of PLACES where its label stays inside the panel and
    overlaps no label drawn before it; a word with no such place is left unnamed. The figure must have been drawn
    (its layout and the panel's limits final)."""
    renderer = ax.figure.canvas.get_renderer()
    inside = ax.get_window_extent(renderer)
    drawn = []
    for word, x, y in points:
        for offset, ha, va in PLACES:
            label = ax.annotate(word, (x, y), xytext=offset, textcoords="offset points", ha=ha, va=va,
                                fontsize=size)
            box = label.get_window_extent(renderer).padded(1)
            if (inside.x0 <= box.x0 and box.x1 <= inside.x1 and inside.y0 <= box.y0 and box.y1 <= inside.y1
                    and not any(box.overlaps(other) for other in drawn)):
                drawn.append(box)
                break
            label.remove()
