"""What a space of word vectors captures: word similarity, analogies, polarity, and nearest neighbours."""

from __future__ import annotations

import logging

import numpy as np
from gensim.models import KeyedVectors
from gensim.test.utils import datapath

# Pairs of opposite polarity that a space organised by meaning still places close (they share contexts).
ANTONYMS = [
    ("good", "bad"), ("best", "worst"), ("happy", "sad"), ("love", "hate"), ("beautiful", "ugly"),
    ("strong", "weak"), ("easy", "difficult"), ("success", "failure"), ("wonderful", "terrible"),
    ("better", "worse"), ("positive", "negative"), ("rich", "poor"),
]

logging.getLogger("gensim").setLevel(logging.WARNING)


def restrict(vectors: KeyedVectors, words: list[str]) -> KeyedVectors:
    """The same vectors for ``words`` only, so that spaces with different vocabularies face the same questions."""
    kept = KeyedVectors(vectors.vector_size)
    kept.add_vectors(words, np.stack([vectors[w] for w in words]))
    return kept


def word_similarity(vectors: KeyedVectors) -> dict:
    """Spearman correlation with human judgements on WordSim353 and SimLex-999 (pairs with both words known); scores:
    each pair's cosine and rating, (2, pairs), what a bootstrap over pairs resamples."""
    from scipy.stats import spearmanr

    result = {}
    for name, file in (("wordsim353", "wordsim353.tsv"), ("simlex999", "simlex999.txt")):
        scores = similarity_pairs(vectors, file)
        result[name] = {"spearman": float(spearmanr(*scores).statistic), "pairs": scores.shape[1], "scores": scores}
    return result


def similarity_pairs(vectors: KeyedVectors, file: str) -> np.ndarray:
    """(2, pairs): the cosine and the people's rating of each pair in gensim's test ``file`` whose two words the
    space knows, read as gensim's evaluate_word_pairs reads it (comment lines skipped, words case-insensitive)."""
    known = {w.lower(): w for w in reversed(vectors.index_to_key)}  # as gensim: the most frequent spelling wins
    scores = []
    with open(datapath(file), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                a, b, rating = line.lower().split("\t")
                if a in known and b in known:
                    scores.append((vectors.similarity(known[a], known[b]), float(rating)))
    return np.array(scores).T


def analogies(vectors: KeyedVectors) -> dict:
    """Accuracy on the Google analogy questions whose four words are all in the vocabulary: all of them, the
    semantic ones (capitals, currencies, family: knowledge about the world) and the syntactic ones (plurals, tenses,
    comparatives: knowledge about word forms); hits: whether each question was answered, in one fixed order of the
    questions, what a bootstrap over questions resamples."""
    score, sections = vectors.evaluate_word_analogies(datapath("questions-words.txt"), restrict_vocab=len(vectors))
    parts = {"semantic": [s for s in sections[:-1] if not s["section"].startswith("gram")],
             "syntactic": [s for s in sections[:-1] if s["section"].startswith("gram")]}
    result = {"accuracy": float(score), "questions": len(sections[-1]["correct"]) + len(sections[-1]["incorrect"])}
    for part, chosen in parts.items():
        asked = sorted((s["section"], *q) for s in chosen for q in s["correct"] + s["incorrect"])
        correct = {(s["section"], *q) for s in chosen for q in s["correct"]}
        hits = np.array([q in correct for q in asked])
        result[part] = {"accuracy": float(hits.mean()) if asked else 0.0, "questions": len(asked), "hits": hits}
    return result


def nearest(x: np.ndarray, k: int, metric: str = "cosine") -> np.ndarray:
    """Indices of each row's k nearest other rows of x, by cosine or by Euclidean distance."""
    if metric == "cosine":
        unit = x / np.linalg.norm(x, axis=1, keepdims=True)
        distance = -unit @ unit.T
    else:
        distance = np.linalg.norm(x[:, None] - x[None], axis=-1)
    np.fill_diagonal(distance, np.inf)
    return np.argsort(distance, axis=1, kind="stable")[:, :k]


def agreements(nearest_rows: np.ndarray, sign: np.ndarray) -> np.ndarray:
    """For each row, the share of its nearest rows (from nearest()) that have its own label (here: polarity)."""
    return (sign[nearest_rows] == sign[:, None]).mean(axis=1)


def agreement(nearest_rows: np.ndarray, sign: np.ndarray) -> float:
    """Share of the rows' nearest rows (from nearest()) that have the row's own label (here: polarity)."""
    return float(agreements(nearest_rows, sign).mean())


def agreement_chance(sign: np.ndarray) -> float:
    """What agreement() gives when the neighbours are random: the chance that two rows share a label."""
    shares = np.unique(sign, return_counts=True)[1] / len(sign)
    return float((shares**2).sum())


def polarity(vectors: KeyedVectors, positive: list[str], negative: list[str], k: int = 10) -> dict:
    """How far the space separates the opinion lexicon's positive words from its negative ones.

    agreement: for each lexicon word, the share of its k nearest lexicon words that have the same polarity (word by
    word in agreements); chance is what random neighbours would give. probe: 5-fold cross-validated accuracy of a
    logistic regression reading polarity off the vector, the share of words whose polarity the fold that left them
    out predicts (word by word in probe_hits; probe_chance: always guessing the larger class). antonym_cosine: mean
    cosine of ANTONYMS pairs in the space, to be read against lexicon_cosine, the mean cosine of two lexicon words
    taken at random. Both cosines are taken after centring the space (its mean vector subtracted): trained spaces are
    anisotropic (most vectors share a common direction), which would make any two words look alike.
    """
    pos = [w for w in positive if w in vectors.key_to_index]
    neg = [w for w in negative if w in vectors.key_to_index]
    words = pos + neg
    sign = np.array([1] * len(pos) + [-1] * len(neg))
    pairs = [(a, b) for a, b in ANTONYMS if a in vectors.key_to_index and b in vectors.key_to_index]
    centre = vectors.vectors.mean(axis=0)
    unit = {w: (vectors[w] - centre) / np.linalg.norm(vectors[w] - centre) for w in {*words, *sum(pairs, ())}}
    # The mean cosine of two different words: the sum of all pairwise cosines is |sum of unit vectors|^2, less the
    # n cosines of a word with itself.
    unit_sum = np.sum([unit[w] for w in words], axis=0)
    lexicon_cosine = float((unit_sum @ unit_sum - len(words)) / (len(words) * (len(words) - 1)))
    share = len(pos) / len(words)
    each = agreements(nearest(vectors[words], k), sign)
    probe_hits = _linear_probe(vectors[words], sign)
    return {
        "agreement": float(each.mean()),
        "agreements": each,
        "chance": agreement_chance(sign),
        "probe": float(probe_hits.mean()),
        "probe_hits": probe_hits,
        "probe_chance": float(max(share, 1 - share)),
        "lexicon_words": len(words),
        "antonym_cosine": float(np.mean([unit[a] @ unit[b] for a, b in pairs])),
        "antonym_pairs": len(pairs),
        "lexicon_cosine": lexicon_cosine,
    }


def _linear_probe(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """For each row, whether the probe trained on the other folds predicts its label."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    probe = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    return cross_val_predict(probe, x, y, cv=folds) == y


def neighbours(vectors: KeyedVectors, probes: list[str], topn: int = 5) -> dict[str, list[str]]:
    return {p: [w for w, _ in vectors.most_similar(p, topn=topn)] for p in probes if p in vectors.key_to_index}


def describe(vectors: KeyedVectors, lexicon: tuple[list[str], list[str]], probes: list[str]) -> dict:
    return {
        "similarity": word_similarity(vectors),
        "analogies": analogies(vectors),
        "polarity": polarity(vectors, *lexicon),
        "neighbours": neighbours(vectors, probes),
    }
