"""Dimension and corpus size, apart: Kim's static and non-static CNN on sentence polarity (MR), started from the
site's own word2vec trained at 50, 100 and 300 dimensions on nested slices of its general corpus, from GloVe 6B 50-d,
and from GloVe 6B reduced to 25 dimensions by PCA; each against the rand arm of the same dimension.

Kim's pretrained arms beat his rand arm by about 5 points on MR with 300-d vectors from about 100 billion tokens; the
site's vectors are 50-d (GloVe 6B, 6 billion tokens) or 100-d (word2vec, 2.4 million). Training the same word2vec at
each dimension on a quarter, a half and all of the same corpus separates the two. The slices are nested prefixes of
one seeded shuffle of the corpus's sentences, so each holds the same mixture of its five collections.

Every run follows Kim's protocol (embedlab.lab.kim_protocol) on the first folds of the same ten-fold split as the
Kim's-protocol experiment; differences are paired by fold and their intervals use the corrected variance for
cross-validation, which, with three folds, is wide.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from embedlab.experiments.kim_protocol import PUBLISHED, texts_of
from embedlab.experiments.runs import Run
from embedlab.lab import kim_protocol as kim
from embedlab.lab.pretrained import coverage, load_pretrained
from embedlab.lab.tasks import LENGTH
from embedlab.lab.vectors import GENERAL_CORPORA, general_corpus, train_word2vec, vector_settings
from embedlab.store import atomic_save, cache_dir, fingerprint

TITLE = "Dimension and corpus size"
QUESTION = "How much of Kim's gain from pretrained vectors comes from their dimension and from the text behind them?"
TASK = "polarity"
FULL = {"dims": [300, 100, 50, 25],  # the longest part first: it sets the wall time
        "fractions": [0.25, 0.5, 1.0], "folds": [0, 1, 2],
        "max_epochs": kim.MAX_EPOCHS, "texts": None}
QUICK = {"dims": [25, 50], "fractions": [0.5, 1.0], "folds": [0], "max_epochs": 1, "texts": 2000}
PARTS = "dims"  # each dimension's runs in their own process: the word2vec of one dimension is trained in one place
GLOVE, GLOVE_PCA = "GloVe 6B", "GloVe 6B, PCA"
PCA_DIM = 25
GLOVE_TOKENS = 6_000_000_000  # "6 billion tokens" (pretrained.DEFAULT_VECTORS)
KIM_TOKENS = 100_000_000_000  # GoogleNews word2vec: "about 100 billion words" (Kim 2014, section 2.1)


def _slices(quick: bool) -> list[list[str]]:
    """The general corpus's sentences in one seeded shuffle (quick mode: the quick vectors' share of them)."""
    sentences = general_corpus(GENERAL_CORPORA)
    order = np.random.default_rng(0).permutation(len(sentences))
    return [sentences[i] for i in order[:vector_settings(quick).max_sentences]]


def word2vec_slice(dim: int, fraction: float, quick: bool):
    """The site's word2vec (its settings, at ``dim`` dimensions) trained on the first ``fraction`` of the shuffled
    corpus; trained once, then read from the cache. Returns the vectors and the tokens they were trained on."""
    from gensim.models import KeyedVectors

    from embedlab.data.files import FILES

    settings = replace(vector_settings(quick), dim=dim)
    corpus = _slices(quick)
    sentences = corpus[: int(round(fraction * len(corpus)))]
    key = fingerprint(modules=[__name__], params=[dim, fraction, quick, repr(settings)],
                      data=[FILES[name].sha256 for name in GENERAL_CORPORA])[:16]
    path = cache_dir() / "vectors" / f"word2vec-slice-{key}.bin"
    if not path.is_file():
        vectors = train_word2vec(sentences, settings)
        atomic_save(path, lambda temporary: vectors.save_word2vec_format(temporary, binary=True))
    return KeyedVectors.load_word2vec_format(str(path), binary=True), sum(map(len, sentences))


def glove_pca(glove, dim: int = PCA_DIM):
    """GloVe 6B's vectors projected on their first ``dim`` principal components (fitted on the whole table)."""
    from gensim.models import KeyedVectors
    from sklearn.decomposition import PCA

    reduced = KeyedVectors(dim)
    reduced.add_vectors(glove.index_to_key,
                        PCA(dim, random_state=0).fit_transform(np.asarray(glove.vectors)).astype("float32"))
    return reduced


def _starts(dim: int, r: Run) -> dict:
    """The pretrained tables of one dimension: name -> (source, vectors, tokens trained on, arms to train)."""
    glove = load_pretrained()
    starts = {}
    if dim == PCA_DIM:
        starts[f"{GLOVE_PCA} {dim}-d"] = (GLOVE_PCA, glove_pca(glove), GLOVE_TOKENS,
                                          ("static", "non-static"))
    if dim == glove.vector_size:
        starts[f"{GLOVE} {dim}-d"] = (GLOVE, glove, GLOVE_TOKENS, ("static", "non-static"))
    if dim != PCA_DIM:
        fractions = r.settings["fractions"]
        for fraction in fractions:
            vectors, tokens = word2vec_slice(dim, fraction, r.quick)
            arms = ("static", "non-static") if fraction == max(fractions) else ("static",)
            starts[f"word2vec {dim}-d, {fraction:g} of the corpus"] = ("word2vec", vectors, tokens, arms)
    return starts


def run_part(r: Run, dim: int) -> dict:
    """One dimension: on each fold, the rand arm of that width and each pretrained table's arms."""
    texts, y = texts_of(TASK, r.settings["texts"])
    vocab = kim.vocabulary(texts)
    x = kim.encode(vocab, texts, LENGTH[TASK])
    folds = kim.fold_of(len(texts))
    starts = _starts(dim, r)
    out = {"dim": dim, "rand": [], "starts": {
        name: {"source": source, "tokens": tokens, "token_coverage": coverage(vectors, texts)["token_coverage"],
               "arms": {arm: [] for arm in arms}}
        for name, (source, vectors, tokens, arms) in starts.items()}}
    for fold in r.settings["folds"]:
        train, test = np.flatnonzero(folds != fold), np.flatnonzero(folds == fold)

        def accuracy(start, arm):
            found = kim.train_fold(start, arm, x, y, train, test, seed=fold, max_epochs=r.settings["max_epochs"])
            return {"fold": fold, "accuracy": found.accuracy, "epochs": found.epochs, "test": len(test),
                    "train": len(train)}

        out["rand"].append(accuracy(kim.table(vocab, None, dim, seed=fold), "rand"))
        for name, (_, vectors, _, arms) in starts.items():
            start = kim.table(vocab, vectors, dim, seed=fold)
            for arm in arms:
                out["starts"][name]["arms"][arm].append(accuracy(start, arm))
    return out


def combine(r: Run, parts: dict) -> dict:
    """Each table's accuracy and its gain over the rand arm of its dimension (paired by fold), the gain's trend with
    the corpus at each dimension, and its change with dimension on the whole corpus."""
    rand = {dim: part["rand"] for dim, part in parts.items()}
    share = float(np.mean([run["test"] / (run["test"] + run["train"]) for runs in rand.values() for run in runs]))

    def folds(runs):
        return np.array([run["accuracy"] for run in runs])

    starts = {}
    for dim, part in parts.items():
        for name, start in part["starts"].items():
            arms = {}
            for arm, runs in start["arms"].items():
                arms[arm] = {"folds": folds(runs).tolist(), "epochs": [run["epochs"] for run in runs],
                             "accuracy": kim.corrected_interval(folds(runs), share),
                             "gain_over_rand": kim.corrected_interval(folds(runs) - folds(rand[dim]), share)}
            starts[name] = {"dim": int(dim), "source": start["source"], "tokens": start["tokens"],
                            "token_coverage": start["token_coverage"], "arms": arms}
    results = {"settings": r.settings, "task": TASK, "test_share": share,
               "rand": {str(dim): {"folds": folds(runs).tolist(),
                                   "accuracy": kim.corrected_interval(folds(runs), share)}
                        for dim, runs in rand.items()},
               "starts": starts, "trends": _trends(starts, parts, share),
               "published": {"rand": PUBLISHED[TASK]["rand"], "static": PUBLISHED[TASK]["static"],
                             "non-static": PUBLISHED[TASK]["non-static"], "dim": 300, "tokens": KIM_TOKENS}}
    _figure(r, results)
    return results


def _trends(starts: dict, parts: dict, share: float) -> dict:
    """Per word2vec dimension, the static gain's change per doubling of the corpus (a least-squares slope on log2 of
    the tokens, fold by fold); and, on the whole corpus, the static gain at each dimension minus at the smallest."""
    def static(name):
        return np.array(starts[name]["arms"]["static"]["folds"])

    def rand(dim):
        return np.array([run["accuracy"] for run in parts[dim]["rand"]])

    word2vec = {name: s for name, s in starts.items() if s["source"] == "word2vec"}
    per_dim = {}
    for dim in sorted({s["dim"] for s in word2vec.values()}):
        names = sorted((n for n, s in word2vec.items() if s["dim"] == dim), key=lambda n: word2vec[n]["tokens"])
        if len(names) < 2:
            continue
        logs = np.log2([word2vec[n]["tokens"] for n in names])
        gain = np.stack([static(n) - rand(dim) for n in names])  # (slices, folds)
        slopes = np.polyfit(logs, gain, 1)[0]
        per_dim[str(dim)] = {"slices": names, "per_doubling": kim.corrected_interval(slopes, share)}
    whole = {s["dim"]: n for n, s in word2vec.items() if s["tokens"] == max(v["tokens"] for v in word2vec.values())}
    smallest = min(whole)
    by_dim = {}
    for dim, name in sorted(whole.items()):
        if dim == smallest:
            continue
        here, there = static(name) - rand(dim), static(whole[smallest]) - rand(smallest)
        by_dim[str(dim)] = {"from": smallest, "change": kim.corrected_interval(here - there, share)}
    return {"corpus": per_dim, "dimension": by_dim}


def _figure(r: Run, results: dict) -> None:
    """Left: the static arm's gain over rand against the tokens the site's word2vec was trained on, one line per
    dimension, with GloVe 6B's tables and Kim's gain as horizontal lines (their billions of tokens would squeeze the
    slices into a corner of a shared axis). Right: the static and non-static gains of the whole-corpus tables against
    their dimension, in colours of their own."""
    import matplotlib.pyplot as plt
    from matplotlib.ticker import NullFormatter

    fig, (left, right) = plt.subplots(1, 2, figsize=(7.2, 5.2))  # shown at the column width: text >= 10 pt
    starts = results["starts"]

    def point(ax, x, interval, **style):
        c = {k: 100 * v for k, v in interval.items()}
        ax.errorbar(x, c["mean"], yerr=[[c["mean"] - c["low"]], [c["high"] - c["mean"]]], capsize=3, **style)

    dims = sorted({s["dim"] for s in starts.values() if s["source"] == "word2vec"})
    for i, dim in enumerate(dims):
        names = sorted((n for n, s in starts.items() if s["source"] == "word2vec" and s["dim"] == dim),
                       key=lambda n: starts[n]["tokens"])
        shift = 1 + 0.04 * (i - (len(dims) - 1) / 2)  # side by side, so that the intervals do not cover each other
        tokens = [starts[n]["tokens"] * shift for n in names]
        means = [100 * starts[n]["arms"]["static"]["gain_over_rand"]["mean"] for n in names]
        left.plot(tokens, means, color=f"C{i}", label=f"word2vec {dim}-d")
        for n, t in zip(names, tokens):
            point(left, t, starts[n]["arms"]["static"]["gain_over_rand"], color=f"C{i}", marker="o")
    references = [(f"{n} (6 billion tokens)", 100 * s["arms"]["static"]["gain_over_rand"]["mean"], "--")
                  for n, s in starts.items() if s["source"] != "word2vec"]
    p = results["published"]
    references.append(("Kim 2014, word2vec 300-d (about 100 billion)", 100 * (p["static"] - p["rand"]), ":"))
    for j, (label, value, style) in enumerate(references):
        left.axhline(value, color="black" if style == ":" else f"C{len(dims) + j}", linestyle=style, linewidth=1.5,
                     label=label)
    left.set_xscale("log")
    # the slices' own sizes as labels: the default 10-to-the-n labels set their exponents at 7 pt
    slices = sorted({s["tokens"] for s in starts.values() if s["source"] == "word2vec"})
    left.set_xticks(slices, [f"{t / 1e6:.1f}M" for t in slices])
    left.xaxis.set_minor_formatter(NullFormatter())
    left.axhline(0, color="gray", linewidth=1)
    left.set_xlabel("tokens the site's word2vec was trained on", fontsize=11)
    left.tick_params(labelsize=10)
    left.set_ylabel("static minus rand (accuracy points)", fontsize=11)
    left.grid(alpha=0.3)
    whole = max(slices)
    rows = sorted(((s["dim"], n, s) for n, s in starts.items() if s["tokens"] >= whole), key=lambda row: row[:2])
    for k, (arm, colour) in enumerate((("static", "C6"), ("non-static", "C9"))):
        for dim, name, s in rows:
            marker = "o" if s["source"] == "word2vec" else "s"
            point(right, dim * (0.93 if k == 0 else 1.07), s["arms"][arm]["gain_over_rand"], color=colour,
                  marker=marker, linestyle="none")
        right.plot([], [], color=colour, marker="o", linestyle="none", label=arm)
    right.set_xscale("log")
    ticks = sorted({d for d, _, _ in rows})
    right.set_xticks(ticks, [str(d) for d in ticks])
    right.xaxis.set_minor_formatter(NullFormatter())
    right.axhline(0, color="gray", linewidth=1)
    right.set_xlabel("dimension (circles: word2vec, whole corpus;\nsquares: GloVe 6B and its PCA)", fontsize=10)
    right.set_ylabel("minus rand of the same dimension (accuracy points)", fontsize=10)
    right.legend(fontsize=10, frameon=False)
    right.tick_params(labelsize=10)
    right.grid(alpha=0.3)
    # the left panel's key below both panels, where it hides no point
    fig.legend(*left.get_legend_handles_labels(), loc="lower center", ncol=2, fontsize=10, frameon=False)
    fig.tight_layout(rect=(0, 0.15, 1, 1))
    r.save_figure(fig)
