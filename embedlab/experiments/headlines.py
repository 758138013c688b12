"""Headlines, two about the same thing and one not, seen by task-trained layers and by averaged pretrained vectors.

The triples are chosen by a fixed rule on the held-out split, never by looking at any embedding. Across labels, b is
a clickbait headline and c a news headline: of all such pairs that share at least two content words, the one with
the highest TF-IDF cosine over content words. a is a headline with b's label, drawn at random, that shares no
content word with b or c. The same rule gives the next best pairs too, so the first triple is checked against many
more. Within one label, the same rule picks b, c and a all among news headlines, and again all among clickbait
headlines, so that a space cannot put b nearer c by their labels. A second rule leaves word overlap out: b and c
share no content word, but at least two content words with the same Porter stem ("election", "elections"), ranked
by the TF-IDF cosine of those stems; a shares no stem with either. Each space is centred (the mean over held-out
headlines subtracted) before cosines are taken.

The three headlines of the answer's figure (López-Sánchez et al. 2018) are embedded too, by every space, including
the convolutional clickbait model's layer after the Embedding: its convolution's activation map and its max-pooled
features, for a model started at random and one started from GloVe 6B (trained once, seed 0).
"""

from __future__ import annotations

import numpy as np

from embedlab.experiments.runs import Run
from embedlab.lab import bootstrap
from embedlab.lab.classifier import build_cnn, embedding_matrix, scores, train_selected
from embedlab.lab.constants import DIM
from embedlab.lab.key_words import is_content_word
from embedlab.lab.pretrained import averaged, load_pretrained
from embedlab.lab.stats import wilson
from embedlab.lab.task_models import task_model, training_indices
from embedlab.lab.tasks import LENGTH, Vocabulary, load_task, task_vocabulary, tokenize
from embedlab.lab.vectors import general_vectors, vector_settings

TITLE = "Three headlines"
QUESTION = "Which space puts two headlines about the same thing together?"
FULL = {"seeds": [0, 1, 2], "cnn_epochs": 10}
QUICK = {"seeds": [0, 1], "cnn_epochs": 1}
TRIPLES = 100  # how many top (b, c) pairs each rule is applied to, for each pair of labels
RULES = {"words": "sharing content words", "stems": "sharing no content word"}
# The labels of b and c (1 clickbait, 0 news; a has b's label), and the triple sets made of them: across labels,
# where a space that groups by label puts b nearer a, and within one label, where the label cannot decide.
PAIRINGS = {"across labels": [(1, 0)], "within one label": [(0, 0), (1, 1)]}
LABEL_NAMES = {0: "news", 1: "clickbait"}
GLOVE_SPACE = "GloVe 6B average"
CNN_RATE = 0.001  # Adam's default; the five-starts page chooses rates per arm, this page trains two models once
# The figure of López-Sánchez et al. (2018), shown in the answer: one clickbait headline, two news headlines on one
# topic.
PAPER = {"soups": "Here are 21 healthy fall soups to stock your freezer",
         "Himalaya": "Himalaya might miss 50% of its ice in eighty years",
         "Alps": "Alps may lose 70% of snow by end of the century"}
CNN_STARTS = ("from scratch", "from GloVe 6B")
CNN_SPACES = [f"convolutional clickbait model {start}, max-pooled" for start in CNN_STARTS]
MAP_LAYER = "conv3"  # the width-3 convolution: its map is drawn, one row per filter, one column per position


def _unit(x: np.ndarray, centred: bool = True) -> np.ndarray:
    """Centred, then scaled to length 1: cosines then compare headlines with each other, not with the average."""
    if centred:
        x = x - x.mean(axis=0)
    return x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), 1e-12)


def _content_tfidf():
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(tokenizer=str.split, lowercase=False, token_pattern=None)


def _content(texts: list[list[str]]) -> list[str]:
    """Each text's content words (key_words.is_content_word), joined for TF-IDF; stop words go before stemming."""
    return [" ".join(w for w in t if is_content_word(w)) for t in texts]


def _random_table(texts: list[list[str]], seed: int) -> np.ndarray:
    """A control: each headline as the mean of untrained random vectors (one per word, Keras's default range).
    Whatever it groups, it groups by shared words alone."""
    words = sorted({w for t in texts for w in t})
    table = np.random.default_rng(seed).uniform(-0.05, 0.05, (len(words), DIM))
    index = {w: i for i, w in enumerate(words)}
    return np.stack([table[[index[w] for w in t]].mean(axis=0) for t in texts])


def _stems(texts: list[list[str]]) -> list[str]:
    from nltk.stem import PorterStemmer

    stem = PorterStemmer().stem
    return [" ".join(stem(w) for w in t.split()) for t in _content(texts)]


def choose_triples(texts: list[list[str]], labels: np.ndarray, count: int, shared: str = "words",
                   pair: tuple[int, int] = (1, 0), seed: int = 0) -> list[tuple[int, int, int]]:
    """(a, b, c) index triples by the module's rules: ``shared="words"``, b and c share two content words or more;
    ``shared="stems"``, they share none, but two stems or more. b has label pair[0], c label pair[1], a b's label."""
    if shared not in RULES:
        raise ValueError(f"unknown rule {shared!r}; choose from {', '.join(RULES)}")
    words = _content_tfidf().fit_transform(_content(texts))
    first, second = (np.flatnonzero(labels == label) for label in pair)
    common_words = ((words[first] > 0).astype(int) @ (words[second] > 0).astype(int).T).toarray()
    if shared == "words":
        matrix, keep = words, common_words >= 2
    else:
        matrix = _content_tfidf().fit_transform(_stems(texts))
        common_stems = ((matrix[first] > 0).astype(int) @ (matrix[second] > 0).astype(int).T).toarray()
        keep = (common_words == 0) & (common_stems >= 2)
    cosine = (matrix[first] @ matrix[second].T).toarray()
    if pair[0] == pair[1]:
        cosine = np.triu(cosine, 1)  # within one label: each pair once, and no headline paired with itself
    cosine[~keep | (cosine > 0.95)] = 0  # one shared word is often a pun; near-copies say nothing
    best = np.argsort(-cosine, axis=None)[:count]
    best = best[cosine.flat[best] > 0]
    rng = np.random.default_rng(seed)
    triples = []
    for flat in best:
        b, c = first[flat // len(second)], second[flat % len(second)]
        unrelated = np.flatnonzero((matrix[first] @ matrix[[b, c]].T).toarray().max(axis=1) == 0)
        triples.append((int(first[rng.choice(unrelated)]), int(b), int(c)))
    return triples


def triple_sets(texts: list[list[str]], labels: np.ndarray) -> dict[str, dict[str, list]]:
    """Every rule's triples, across labels and within one label (news triples first, then clickbait)."""
    return {rule: {name: [t for pair in pairs for t in choose_triples(texts, labels, TRIPLES, rule, pair)]
                   for name, pairs in PAIRINGS.items()}
            for rule in RULES}


def _train_cnn(task, start: str, glove, extra_words: list[str], seed: int, quick: bool, epochs: int):
    """A convolutional clickbait model (Kim 2014's) started at random or from GloVe 6B, and its vocabulary: the
    training words, every task word GloVe knows, and ``extra_words`` (the paper's headlines), so that a word
    absent from the training headlines still has its own row, random or pretrained."""
    train = training_indices(task, quick)
    words = task_vocabulary(task, train, pretrained=[glove]).words[2:]
    vocab = Vocabulary(words + sorted(set(extra_words) - set(words)))
    x = vocab.encode(task.texts, LENGTH[task.name])

    def build(optimizer):
        model = build_cnn(len(vocab), LENGTH[task.name], glove.vector_size, optimizer=optimizer)
        if start == "from GloVe 6B":
            model.get_layer("embedding").set_weights([embedding_matrix(vocab, glove, seed)])
        return model

    trained = train_selected(build, x[train], task.labels[train], seed, [CNN_RATE], epochs, batch_size=128)
    return trained, vocab, scores(trained.model, x[task.test], task.labels[task.test])


def _cnn_layers(model):
    """Functions from token ids to the convolution's activation map and to the max-pooled features."""
    import keras

    pooled = next(layer for layer in model.layers if isinstance(layer, keras.layers.Concatenate))
    return keras.Model(model.inputs, [model.get_layer(MAP_LAYER).output, pooled.output])


def _cosines(points: np.ndarray) -> list[list[float]]:
    """Plain cosines of a few points (the paper's three maps): centring three points would leave little to compare."""
    unit = _unit(points, centred=False)
    return (unit @ unit.T).round(3).tolist()


def _b_nearer_c(unit: np.ndarray, triples: list[tuple[int, int, int]]) -> np.ndarray:
    """For each triple, whether b's cosine with c is above its cosine with a."""
    a, b, c = (np.array(idx) for idx in zip(*triples))
    return (unit[b] * unit[c]).sum(1) > (unit[a] * unit[b]).sum(1)


def _share(hits: list[np.ndarray]) -> dict:
    """The share of triples with b nearer c, seed by seed and on average, with Wilson's interval. Seeds repeat the
    same triples rather than add new ones, so the interval counts the triples once, with the mean count over seeds."""
    runs = [float(h.mean()) for h in hits]
    low, high = wilson(np.mean(runs) * len(hits[0]), len(hits[0]))
    return {"runs": runs, "mean": float(np.mean(runs)), "low": low, "high": high}


def _measured(units: dict[str, list[np.ndarray]], triples: dict, compared: dict[str, list[str]]) -> tuple[dict, dict]:
    """Every space's share on every set of triples, {space: {rule: {pairing: share}}}, and the differences
    ``compared`` names (space -> the spaces it is compared with), {first: {second: {rule: {pairing: difference}}}},
    paired over the same triples: a bootstrap over triples, crossed with seeds."""
    shares = {name: {rule: {} for rule in triples} for name in units}
    differences = {first: {second: {rule: {} for rule in triples} for second in others}
                   for first, others in compared.items()}
    for rule, sets in triples.items():
        for pairing, chosen in sets.items():
            hits = {name: [_b_nearer_c(u, chosen) for u in versions] for name, versions in units.items()}
            drawn, rng = bootstrap.draws(len(chosen)), np.random.default_rng(0)
            replicated = {name: bootstrap.crossed(h, drawn, rng) for name, h in hits.items()}
            for name, h in hits.items():
                shares[name][rule][pairing] = _share(h)
            for first, others in compared.items():
                for second in others:
                    differences[first][second][rule][pairing] = bootstrap.difference(replicated[first],
                                                                                     replicated[second])
    return shares, differences


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
    triples = triple_sets(texts, labels)
    paper = [tokenize(h) for h in PAPER.values()]
    every = texts + paper  # the paper's three headlines last: rows len(texts) to len(texts) + 2 of every space
    seeds = r.settings["seeds"]
    cnn, maps = {}, {}
    for start in CNN_STARTS:
        trained, vocab, held_out = _train_cnn(task, start, glove, [w for t in paper for w in t], seeds[0], r.quick,
                                              r.settings["cnn_epochs"])
        activation, pooled = _cnn_layers(trained.model).predict(vocab.encode(every, LENGTH["clickbait"]),
                                                                batch_size=1024, verbose=0)
        cnn[start] = {"scores": held_out, "epochs": trained.epochs, "pooled": pooled}
        maps[start] = activation[len(texts):]
    spaces = {
        GLOVE_SPACE: [averaged(glove, every)],
        "word2vec average": [averaged(w2v, every)],
        "clickbait model, layer after the Embedding": [task_model("clickbait", s, r.quick).pooled(every)
                                                       for s in seeds],
        **{name: [cnn[start]["pooled"]] for name, start in zip(CNN_SPACES, CNN_STARTS)},
        "random table average (word overlap only)": [_random_table(every, s) for s in seeds],
        "TF-IDF of content words (word overlap only)": [_content_tfidf().fit_transform(_content(every)).toarray()],
    }
    n = len(texts)
    units = {name: [_unit(points) for points in versions] for name, versions in spaces.items()}
    # GloVe 6B against every other space, and fine-tuning from GloVe against training from scratch
    compared = {GLOVE_SPACE: [name for name in spaces if name != GLOVE_SPACE], CNN_SPACES[1]: [CNN_SPACES[0]]}
    shares, differences = _measured(units, triples, compared)
    results = {"rule": " ".join(__doc__.split("\n\n")[1].split()),
               "triples": {rule: {name: _described(t, texts, labels) for name, t in sets.items()}
                           for rule, sets in triples.items()},
               "paper": {"headlines": PAPER, "tokens": {k: t for k, t in zip(PAPER, paper)},
                         "unseen_in_training": sorted({w for t in paper for w in t}
                                                      - {w for i in task.train for w in task.texts[i]}),
                         "cnn": {start: {"scores": cnn[start]["scores"], "epochs": cnn[start]["epochs"],
                                         "features": int(cnn[start]["pooled"].shape[1]),
                                         "map_cosines": _cosines(maps[start].reshape(3, -1))}
                                 for start in CNN_STARTS}},
               "spaces": {name: {"seeds": len(u), "b_nearer_c_than_a": shares[name],
                                 "paper_cosines": (u[0][n:] @ u[0][n:].T).round(3).tolist()}
                          for name, u in units.items()},
               "differences": differences}
    _figure(r, spaces, labels, list(triples["words"]["across labels"][0]), maps, paper)
    return results


def _described(triples: list, texts: list[list[str]], labels: np.ndarray) -> dict:
    """How many triples a set holds, how many of them are news and clickbait, and its first triple as an example."""
    of_b = [LABEL_NAMES[labels[b]] for _, b, _ in triples]
    return {"count": len(triples), "by_label": {name: of_b.count(name) for name in LABEL_NAMES.values()},
            "example": [" ".join(texts[i]) for i in triples[0]],
            "example_labels": [LABEL_NAMES[labels[i]] for i in triples[0]]}


# The spaces whose held-out headlines the figure's bottom row projects, and the panels' titles.
DRAWN = {GLOVE_SPACE: "averaged GloVe 6B", "clickbait model, layer after the Embedding": "averaging clickbait\nmodel",
         CNN_SPACES[1]: "convolutional model\nfrom GloVe 6B"}
FIGURE_TEXT = 12  # points; the figure is about 510 points wide, so this shows at about 9.2 px on a 390 px phone


def _figure(r: Run, spaces: dict, labels: np.ndarray, triple: list, maps: dict, paper: list) -> None:
    import matplotlib.pyplot as plt
    from sklearn.decomposition import PCA

    fig = plt.figure(figsize=(7.2, 11))
    grid = fig.add_gridspec(3, 4, height_ratios=[1, 1, 1.1], width_ratios=[1, 1, 1, 0.07])
    for row, start in enumerate(CNN_STARTS):
        top = float(maps[start].max())  # one colour scale per model, shared by its three maps
        for column, (name, tokens) in enumerate(zip(PAPER, paper)):
            ax = fig.add_subplot(grid[row, column])
            positions = max(len(tokens) - 2, 1)  # width-3 windows that hold words only
            image = ax.imshow(maps[start][column, :positions].T, aspect="auto", cmap="viridis", vmin=0, vmax=top,
                              interpolation="nearest")
            ax.set_xticks(range(positions), tokens[:positions], rotation=90, fontsize=FIGURE_TEXT)
            ax.set_yticks([0, 99] if column == 0 else [], ["1", "100"] if column == 0 else [], fontsize=FIGURE_TEXT)
            ax.set_title(name, fontsize=FIGURE_TEXT)
            if column == 0:
                ax.set_ylabel(f"model {start}:\nfilter", fontsize=FIGURE_TEXT)
        bar = fig.colorbar(image, cax=fig.add_subplot(grid[row, 3]))
        bar.set_label("activation (ReLU)", fontsize=FIGURE_TEXT)
        bar.ax.tick_params(labelsize=FIGURE_TEXT)
    n = len(labels)
    for column, (name, title) in enumerate(DRAWN.items()):
        ax = fig.add_subplot(grid[2, column])
        points = PCA(2, random_state=0).fit_transform(_unit(spaces[name][0]))
        for label, colour, text in ((0, "C0", "news"), (1, "C3", "clickbait")):
            # 6,400 points drawn as one embedded image: as vector shapes they made a 2 MB SVG
            ax.scatter(*points[:n][labels == label].T, s=3, alpha=0.15, color=colour, label=f"{text} (held-out)",
                       rasterized=True)
        for letter, index in zip("abc", triple):
            ax.scatter(*points[index], s=90, color="black", marker="*", zorder=3)
            ax.annotate(letter, points[index], xytext=(5, 5), textcoords="offset points", fontsize=13, weight="bold")
        ax.set_title(title, fontsize=FIGURE_TEXT)
        ax.set_xticks([])
        ax.set_yticks([])
    handles, names = ax.get_legend_handles_labels()
    fig.legend(handles, names, loc="lower center", ncol=2, markerscale=6, fontsize=FIGURE_TEXT, frameon=False)
    fig.tight_layout(rect=(0, 0.035, 1, 1))
    r.save_figure(fig)
