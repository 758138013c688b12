"""The labelled tasks: their texts as tokens, one fixed train/held-out split each, and the vocabulary of ids."""

from __future__ import annotations

import collections
import re
from dataclasses import dataclass

import numpy as np

from embedlab.data.corpus import abc_sections, clickbait_headlines, sentence_polarity, subjectivity

_TOKEN = re.compile(r"[a-z]+|\d+")  # digits kept: "17 things ..." is a strong clickbait cue
PAD, UNKNOWN = 0, 1
FIRST_WORD = 2  # rows before this are padding and [UNK], not words
LENGTH = {"clickbait": 24, "polarity": 50, "subjectivity": 50, "topic": 50}  # tokens kept: (almost) every text whole
TASKS = ("clickbait", "polarity", "subjectivity", "topic")
TASK_PAIR = TASKS[:2]  # style against sentiment: the two tasks that the first experiments compare
LABELS = {"clickbait": "clickbait", "polarity": "positive", "subjectivity": "subjective", "topic": "science"}
TOPIC_PER_SECTION = 5000  # ABC sentences drawn from each section (of about 15,000), for a task the size of the others
TOPIC_MIN_WORDS = 5  # shorter ABC lines are mostly headings and datelines


def _topic_texts() -> tuple[list[list[str]], list[int]]:
    """ABC rural news (0) against ABC science news (1): sentences whose label follows their topic."""
    rng = np.random.default_rng(0)
    texts, labels = [], []
    for label, sentences in enumerate(abc_sections().values()):
        usable = [s for s in sentences if len(s) >= TOPIC_MIN_WORDS]
        texts += [usable[i] for i in np.sort(rng.choice(len(usable), TOPIC_PER_SECTION, replace=False))]
        labels += [label] * TOPIC_PER_SECTION
    return texts, labels


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


@dataclass
class Task:
    name: str
    texts: list[list[str]]
    labels: np.ndarray
    train: np.ndarray  # indices of the training split
    test: np.ndarray  # indices of the held-out split


def load_task(name: str, test_share: float = 0.2) -> Task:
    """A task's tokenised texts and labels, with one fixed random 80/20 split (seed 0) shared by every experiment."""
    if name == "clickbait":
        raw, labels = clickbait_headlines()
        texts = [tokenize(t) for t in raw]
    elif name in ("polarity", "subjectivity", "topic"):
        read = {"polarity": sentence_polarity, "subjectivity": subjectivity, "topic": _topic_texts}[name]
        sentences, labels = read()
        texts = [tokenize(" ".join(s)) for s in sentences]
    else:
        raise ValueError(f"unknown task {name!r}; choose from {', '.join(TASKS)}")
    order = np.random.default_rng(0).permutation(len(texts))
    cut = int(len(order) * (1 - test_share))
    return Task(name, texts, np.array(labels), np.sort(order[:cut]), np.sort(order[cut:]))


class Vocabulary:
    """Token ids: 0 is padding, 1 is an unknown word, then ``words`` in the order given."""

    def __init__(self, words: list[str]):
        self.words = ["", "[UNK]", *words]
        self.index = {w: i for i, w in enumerate(self.words)}

    def __len__(self) -> int:
        return len(self.words)

    def encode(self, texts: list[list[str]], length: int) -> np.ndarray:
        ids = np.zeros((len(texts), length), dtype="int32")
        for row, text in enumerate(texts):
            tokens = [self.index.get(w, UNKNOWN) for w in text[:length]]
            ids[row, : len(tokens)] = tokens
        return ids


def task_vocabulary(task: Task, train: np.ndarray, pretrained=()) -> Vocabulary:
    """Words of the training texts, plus every word of the task's texts that has a vector in one of the
    ``pretrained`` tables: a model initialised from them can then use words it never saw in training."""
    counts = collections.Counter(w for i in train for w in task.texts[i])
    words = sorted(counts, key=lambda w: (-counts[w], w))
    seen = set(words)
    extra = {w for text in task.texts for w in text if w not in seen and any(w in v.key_to_index for v in pretrained)}
    return Vocabulary(words + sorted(extra))
