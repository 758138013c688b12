"""The three-headline figure in its own setting: a network trained to measure distances between headlines.

The figure the answer shows comes from López-Sánchez et al. (2018), who learn a metric between headlines for
clickbait detection (after Hadsell, Chopra and LeCun's contrastive loss), not a classifier. Here the convolutional
encoder of the five-starts page (Kim 2014's, its max-pooled features followed by a linear layer) is trained the same
way: two headlines go through the same encoder, and the contrastive loss pulls pairs with the same label together
and pushes pairs with different labels at least a margin apart. It starts at random or from GloVe 6B, and trains
for a fixed number of epochs, each a fresh draw of one pair per training headline, half of them with the same label.
The held-out headlines are then embedded and measured exactly as on Three headlines: the paper's three headlines
(are the two news headlines the closest pair?) and the rule-chosen triples, with the same word-overlap controls.
"""

from __future__ import annotations

import numpy as np

from embedlab.experiments.headlines import (
    CNN_STARTS,
    GLOVE_SPACE,
    PAPER,
    _content,
    _content_tfidf,
    _measured,
    _random_table,
    _unit,
    triple_sets,
)
from embedlab.experiments.runs import Run
from embedlab.lab.pretrained import averaged, load_pretrained
from embedlab.lab.task_models import training_indices
from embedlab.lab.tasks import LENGTH, PAD, Vocabulary, load_task, task_vocabulary, tokenize
from embedlab.lab.vectors import general_vectors, vector_settings

TITLE = "Three headlines, with a learned metric"
QUESTION = "Does a network trained to measure distances between headlines, as the paper's was, group them by topic?"
FULL = {"starts": list(CNN_STARTS), "seeds": [0, 1, 2], "epochs": 8}
QUICK = {"starts": list(CNN_STARTS), "seeds": [0], "epochs": 1}
PARTS = "starts"
MARGIN = 1.0  # the contrastive loss's margin: pairs of different labels are pushed at least this far apart
EMBEDDED = 100  # the encoder's output: a linear layer on the max-pooled features
RATE, BATCH = 0.001, 128
CONTROLS = ("random table average (word overlap only)", "TF-IDF of content words (word overlap only)")


def space_name(start: str) -> str:
    return f"metric-learning encoder {start}"


def _encoder(vocab_size: int, length: int, dim: int):
    """Kim's convolutional encoder: padded positions zeroed, convolutions of widths 3, 4, 5 (100 filters each,
    ReLU), max over positions, then a linear layer to EMBEDDED dimensions."""
    import keras
    from keras import ops

    inputs = keras.Input(shape=(length,), dtype="int32")
    words = ops.expand_dims(ops.cast(ops.not_equal(inputs, PAD), "float32"), -1)
    vectors = keras.layers.Embedding(vocab_size, dim, name="embedding")(inputs) * words
    pooled = [keras.layers.GlobalMaxPooling1D()(keras.layers.Conv1D(100, w, activation="relu")(vectors))
              for w in (3, 4, 5)]
    return keras.Model(inputs, keras.layers.Dense(EMBEDDED)(keras.layers.Concatenate()(pooled)))


def contrastive(same, distance):
    """Hadsell, Chopra and LeCun (2006): same-label pairs pay their squared distance, other pairs the square of what
    they fall short of the margin."""
    from keras import ops

    same = ops.cast(same, distance.dtype)
    return same * distance**2 + (1 - same) * ops.maximum(MARGIN - distance, 0.0) ** 2


def _pairs(labels: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """One partner per headline: with probability one half a headline of the same label, else one of the other."""
    same = rng.random(len(labels)) < 0.5
    by_label = {label: np.flatnonzero(labels == label) for label in (0, 1)}
    partner = np.array([rng.choice(by_label[label if s else 1 - label]) for label, s in zip(labels, same)])
    return partner, same.astype("float32")


def _trained(start: str, seed: int, task, vocab: Vocabulary, x: np.ndarray, train: np.ndarray, glove, epochs: int):
    import keras
    from keras import ops

    from embedlab.lab.classifier import embedding_matrix

    keras.utils.set_random_seed(seed)
    encoder = _encoder(len(vocab), x.shape[1], glove.vector_size)
    if start == "from GloVe 6B":
        encoder.get_layer("embedding").set_weights([embedding_matrix(vocab, glove, seed)])
    first, second = keras.Input(shape=(x.shape[1],), dtype="int32"), keras.Input(shape=(x.shape[1],), dtype="int32")
    distance = ops.sqrt(ops.sum((encoder(first) - encoder(second)) ** 2, axis=-1) + 1e-9)
    pair_model = keras.Model([first, second], distance)
    pair_model.compile(optimizer=keras.optimizers.Adam(RATE), loss=contrastive)
    rng = np.random.default_rng(seed)
    labels = task.labels[train]
    for _ in range(epochs):
        partner, same = _pairs(labels, rng)
        pair_model.fit([x[train], x[train][partner]], same, batch_size=BATCH, shuffle=True, verbose=0)
    return encoder


def _pair_auc(points: np.ndarray, labels: np.ndarray, seed: int) -> float:
    """How well the learned distance tells same-label from other-label pairs of held-out headlines: the ROC-AUC of
    minus the distance over 5,000 random pairs."""
    from sklearn.metrics import roc_auc_score

    rng = np.random.default_rng(seed)
    i, j = rng.integers(0, len(points), (2, 5000))
    return float(roc_auc_score(labels[i] == labels[j], -np.linalg.norm(points[i] - points[j], axis=1)))


def _held_out(quick: bool):
    """The held-out headlines Three headlines measures (the same filter: both word2vec and GloVe 6B know a word of
    each), their labels, and the paper's three headlines."""
    task = load_task("clickbait")
    texts, labels = [task.texts[i] for i in task.test], task.labels[task.test]
    w2v, glove = general_vectors("word2vec", vector_settings(quick)), load_pretrained()
    keep = [k for k, t in enumerate(texts) if any(w in w2v.key_to_index for w in t)
            and any(w in glove.key_to_index for w in t)]
    return task, [texts[k] for k in keep], labels[keep], [tokenize(h) for h in PAPER.values()], glove


def run_part(r: Run, start: str) -> dict:
    task, texts, labels, paper, glove = _held_out(r.quick)
    train = training_indices(task, r.quick)
    words = task_vocabulary(task, train, pretrained=[glove]).words[2:]
    vocab = Vocabulary(words + sorted({w for t in paper for w in t} - set(words)))
    x = vocab.encode(task.texts, LENGTH["clickbait"])
    every = vocab.encode(texts + paper, LENGTH["clickbait"])
    points, auc = [], []
    for seed in r.settings["seeds"]:
        encoder = _trained(start, seed, task, vocab, x, train, glove, r.settings["epochs"])
        embedded = encoder.predict(every, batch_size=1024, verbose=0)
        points.append(embedded)
        auc.append(_pair_auc(embedded[: len(texts)], labels, seed))
    return {"points": points, "pair_auc": auc}


def combine(r: Run, parts: dict) -> dict:
    task, texts, labels, paper, glove = _held_out(r.quick)
    every = texts + paper
    n, seeds = len(texts), r.settings["seeds"]
    spaces = {space_name(start): parts[start]["points"] for start in r.settings["starts"]}
    spaces[GLOVE_SPACE] = [averaged(glove, every)]
    spaces[CONTROLS[0]] = [_random_table(every, s) for s in seeds]
    spaces[CONTROLS[1]] = [_content_tfidf().fit_transform(_content(every)).toarray()]
    units = {name: [_unit(points) for points in versions] for name, versions in spaces.items()}
    learned = [space_name(start) for start in r.settings["starts"]]
    compared = {learned[1]: [learned[0], *CONTROLS], learned[0]: list(CONTROLS), GLOVE_SPACE: learned}
    triples = triple_sets(texts, labels)
    shares, differences = _measured(units, triples, compared)

    def paper_cosines(unit: np.ndarray) -> list[list[float]]:
        """The paper's three headlines (the last rows), centred with the held-out ones, as Three headlines does."""
        return (unit[n:] @ unit[n:].T).round(3).tolist()

    results = {"margin": MARGIN, "embedded": EMBEDDED, "epochs": r.settings["epochs"],
               "triples": {rule: {name: len(t) for name, t in sets.items()} for rule, sets in triples.items()},
               "paper": {"headlines": PAPER},
               "pair_auc": {space_name(start): parts[start]["pair_auc"] for start in r.settings["starts"]},
               "spaces": {name: {"seeds": len(versions), "b_nearer_c_than_a": shares[name],
                                 "paper_cosines": [paper_cosines(unit) for unit in units[name]]}
                          for name, versions in spaces.items()},
               "differences": differences}
    _figure(r, units, labels, n, learned)
    return results


FIGURE_TEXT = 12  # points, as on Three headlines


def _figure(r: Run, units: dict, labels: np.ndarray, n: int, learned: list[str]) -> None:
    """The held-out headlines in each learned space (PCA of seed 0), with the paper's three headlines marked."""
    import matplotlib.pyplot as plt
    from sklearn.decomposition import PCA

    fig, axes = plt.subplots(1, len(learned), figsize=(7.2, 4.0))
    for ax, name in zip(np.atleast_1d(axes), learned):
        points = PCA(2, random_state=0).fit_transform(units[name][0])
        for label, colour, text in ((0, "C0", "news"), (1, "C3", "clickbait")):
            ax.scatter(*points[:n][labels == label].T, s=3, alpha=0.15, color=colour, label=f"{text} (held-out)",
                       rasterized=True)
        for k, short in enumerate(PAPER):
            ax.scatter(*points[n + k], s=90, color="black", marker="*", zorder=3)
            ax.annotate(short, points[n + k], xytext=(6, 8 - 14 * k), textcoords="offset points",  # apart if close
                        fontsize=FIGURE_TEXT, weight="bold")
        ax.set_title(name.replace("metric-learning encoder ", "encoder "), fontsize=FIGURE_TEXT)
        ax.set_xticks([])
        ax.set_yticks([])
    handles, names = ax.get_legend_handles_labels()
    fig.legend(handles, names, loc="lower center", ncol=2, markerscale=6, fontsize=FIGURE_TEXT, frameon=False)
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    r.save_figure(fig)
