"""The labelled tasks: their texts as tokens, one fixed train/held-out split each, and the vocabulary of ids."""

from __future__ import annotations

import collections
import re
from dataclasses import dataclass

import numpy as np

from embedlab.data.corpus import clickbait_headlines, sentence_polarity

TASKS = ("clickbait", "polarity")
_TOKEN = re.compile(r"[a-z]+|\d+")  # digits kept: "17 things ..." is a strong clickbait cue
PAD, UNKNOWN = 0, 1
FIRST_WORD = 2  # rows before this are padding and [UNK], not words
LENGTH = {"clickbait": 24, "polarity": 50}  # tokens kept per text: covers the longest headline / almost all sentences


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
    elif name == "polarity":
        sentences, labels = sentence_polarity()
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


def task_vocabulary(task: Task, train: np.ndarray, pretrained=None) -> Vocabulary:
    """Words of the training texts, plus (when pre-trained vectors are given) every word of the task's texts that
    has a pre-trained vector: a model initialised from word2vec can then use words it never saw in training."""
    counts = collections.Counter(w for i in train for w in task.texts[i])
    words = sorted(counts, key=lambda w: (-counts[w], w))
    if pretrained is not None:
        seen = set(words)
        extra = {w for text in task.texts for w in text if w not in seen and w in pretrained.key_to_index}
        words += sorted(extra)
    return Vocabulary(words)
