"""Three headlines, two about the same thing, seen by the clickbait model and by averaged word2vec.

The headlines are chosen by a fixed rule on the held-out split, never by looking at either embedding:
b is a clickbait headline and c a news headline: of all such pairs that share at least two content words, the one
with the highest TF-IDF cosine over content words. a is a clickbait headline, drawn at random, that shares no
content word with b or c. The same rule gives the next best pairs too, so the figure's triple is checked against
many more. Each space is centred (the mean over held-out headlines subtracted) before cosines are taken.
"""

from __future__ import annotations

import numpy as np

from embedlab.experiments.runs import Run
from embedlab.lab.constants import DIM
from embedlab.lab.pretrained import load_pretrained
from embedlab.lab.task_models import task_model
from embedlab.lab.tasks import load_task
from embedlab.lab.vectors import general_vectors, vector_settings

TITLE = "Three headlines"
QUESTION = "Which space puts two headlines about the same thing together?"
FULL = {"seeds": [0, 1, 2]}
QUICK = {"seeds": [0, 1]}
TRIPLES = 100  # how many top (b, c) pairs the rule is applied to


def _unit(x: np.ndarray) -> np.ndarray:
    """Centred, then scaled to length 1: cosines then compare headlines with each other, not with the average."""
    x = x - x.mean(axis=0)
    return x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), 1e-12)


def averaged(vectors, texts: list[list[str]]) -> np.ndarray:
    """Each text as the mean of the vectors of its words (words without a vector skipped)."""
    return np.stack([np.mean([vectors[w] for w in t if w in vectors.key_to_index], axis=0) for t in texts])


def _content_tfidf():
    from sklearn.feature_extraction.text import TfidfVectorizer

    # Content words only: English stop words and numbers ("10 things ...") say nothing about the topic.
    return TfidfVectorizer(stop_words="english", tokenizer=str.split, lowercase=False, token_pattern=None)


def _content(texts: list[list[str]]) -> list[str]:
    return [" ".join(w for w in t if not w.isdigit()) for t in texts]


def _random_table(texts: list[list[str]], seed: int) -> np.ndarray:
    """A control: each headline as the mean of untrained random vectors (one per word, Keras's default range).
    Whatever it groups, it groups by shared words alone."""
    words = sorted({w for t in texts for w in t})
    table = np.random.default_rng(seed).uniform(-0.05, 0.05, (len(words), DIM))
    index = {w: i for i, w in enumerate(words)}
    return np.stack([table[[index[w] for w in t]].mean(axis=0) for t in texts])


def choose_triples(texts: list[list[str]], labels: np.ndarray, count: int, seed: int = 0) -> list[tuple[int, int, int]]:
    matrix = _content_tfidf().fit_transform(_content(texts))
    bait, news = np.flatnonzero(labels == 1), np.flatnonzero(labels == 0)
    cosine = (matrix[bait] @ matrix[news].T).toarray()
    shared_words = ((matrix[bait] > 0).astype(int) @ (matrix[news] > 0).astype(int).T).toarray()
    cosine[(shared_words < 2) | (cosine > 0.95)] = 0  # one shared word is often a pun; near-copies say nothing
    best = np.argsort(-cosine, axis=None)[:count]
    rng = np.random.default_rng(seed)
    triples = []
    for flat in best:
        b, c = bait[flat // len(news)], news[flat % len(news)]
        unrelated = np.flatnonzero((matrix[bait] @ matrix[[b, c]].T).toarray().max(axis=1) == 0)
        triples.append((int(bait[rng.choice(unrelated)]), int(b), int(c)))
    return triples


def run(r: Run) -> dict:
    task = load_task("clickbait")
    texts = [task.texts[i] for i in task.test]
    labels = task.labels[task.test]
    w2v = general_vectors("word2vec", vector_settings(r.quick))
    glove = load_pretrained()
    usable = np.array([any(w in w2v.key_to_index for w in t) and any(w in glove.key_to_index for w in t)
                       for t in texts])
    keep = np.flatnonzero(usable)
    texts, labels = [texts[i] for i in keep], labels[keep]
    triples = choose_triples(texts, labels, TRIPLES)
    seeds = r.settings["seeds"]
    spaces = {
        "GloVe 6B average": [averaged(glove, texts)],
        "word2vec average": [averaged(w2v, texts)],
        "clickbait model, layer after the Embedding": [task_model("clickbait", s, r.quick).pooled(texts)
                                                       for s in seeds],
        "random table average (word overlap only)": [_random_table(texts, s) for s in seeds],
        "TF-IDF of content words (word overlap only)": [_content_tfidf().fit_transform(_content(texts)).toarray()],
    }
    results = {"rule": __doc__.split("\n\n")[1].replace("\n", " "), "triple": [" ".join(texts[i]) for i in triples[0]],
               "triples_checked": len(triples), "spaces": {}}
    for name, versions in spaces.items():
        wins, cosines = [], []
        for points in versions:
            unit = _unit(points)
            a, b, c = (np.array(idx) for idx in zip(*triples))
            bc, ab = (unit[b] * unit[c]).sum(1), (unit[a] * unit[b]).sum(1)
            wins.append(float((bc > ab).mean()))
            first = unit[list(triples[0])]
            cosines.append((first @ first.T).round(3).tolist())
        results["spaces"][name] = {"b_nearer_c_than_a": wins, "cosines": cosines[0]}
    _figure(r, spaces, labels, triples[0], results)
    return results


def _figure(r: Run, spaces: dict, labels: np.ndarray, triple: tuple, results: dict) -> None:
    import matplotlib.pyplot as plt
    from sklearn.decomposition import PCA

    drawn = ["GloVe 6B average", "word2vec average", "clickbait model, layer after the Embedding"]
    fig, axes = plt.subplots(1, len(drawn), figsize=(14, 5))
    for ax, name in zip(axes, drawn):
        points = PCA(2, random_state=0).fit_transform(_unit(spaces[name][0]))
        for label, colour, text in ((0, "C0", "news"), (1, "C3", "clickbait")):
            # 6,400 points drawn as one embedded image: as vector shapes they made a 2 MB SVG
            ax.scatter(*points[labels == label].T, s=3, alpha=0.15, color=colour, label=f"{text} (held-out)",
                       rasterized=True)
        for letter, index in zip("abc", triple):
            ax.scatter(*points[index], s=110, color="black", marker="*", zorder=3)
            ax.annotate(letter, points[index], xytext=(6, 6), textcoords="offset points", fontsize=15, weight="bold")
        ax.set_title(name.replace(", layer", ",\nlayer"), fontsize=14)
        ax.set_xticks([])
        ax.set_yticks([])
    handles, names = axes[0].get_legend_handles_labels()
    fig.legend(handles, names, loc="lower center", ncol=2, markerscale=6, fontsize=13, frameon=False)
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    r.save_figure(fig)
