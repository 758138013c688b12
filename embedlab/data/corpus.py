"""Real text as lists of lowercase alphabetic tokens, read from verified NLTK zip files and the clickbait data."""

from __future__ import annotations

import gzip
import warnings
from pathlib import Path

from embedlab.data.files import FILES, fetch
from embedlab.store import atomic_write_text, cache_dir, fingerprint

GENERAL_CORPORA = ("brown", "abc", "state_union", "webtext", "inaugural")


def _nltk_reader(name: str):
    """The NLTK corpus reader for ``name``, reading our verified zip rather than searching NLTK's own paths."""
    import nltk.corpus

    root = str(fetch(name).resolve().parent.parent)  # the folder holding corpora/NAME.zip
    # First on NLTK's search path (which is also its list of folders it may read), so NLTK's own
    # lazy loader for this corpus opens the file that was just verified.
    if root not in nltk.data.path:
        nltk.data.path.insert(0, root)
    return getattr(nltk.corpus, name)


def _is_sentence_end(token: str) -> bool:
    return not token.isalnum() and any(c in token for c in ".!?")


def nltk_sentences(name: str) -> list[list[str]]:
    """Sentences of NLTK corpus ``name``: alphabetic tokens, lowercased, split at sentence-final punctuation.

    Tokenizing takes seconds per corpus, so the result is cached as plain text next to the downloads, under a
    name that carries the zip's checksum and this tokenizer's code (a change to either never reuses stale tokens).
    """
    key = fingerprint(modules=[__name__], params=name, data=[FILES[name].sha256])
    cached = cache_dir() / "sentences" / f"{name}-{key[:16]}.txt"
    if cached.is_file():
        return [line.split() for line in cached.read_text(encoding="utf-8").splitlines()]
    sentences = _tokenize(name)
    atomic_write_text(cached, "\n".join(" ".join(s) for s in sentences) + "\n")
    return sentences


def _tokenize(name: str) -> list[list[str]]:
    # The reader's words() uses a regular-expression tokenizer, so no Punkt model is needed.
    return _sentences(_nltk_reader(name).words())


def _sentences(tokens) -> list[list[str]]:
    sentences, current = [], []
    for token in tokens:
        if token.isalpha():
            current.append(token.lower())
        elif _is_sentence_end(token) and current:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def general_corpus(names: tuple[str, ...] = GENERAL_CORPORA) -> list[list[str]]:
    """The general English corpus used to train word2vec, GloVe and fastText on this site."""
    return [sentence for name in names for sentence in nltk_sentences(name)]


def _gz_lines(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()]


def clickbait_headlines() -> tuple[list[str], list[int]]:
    """The 32,000 headlines of Chakraborty et al. (2016) and their labels (1 = clickbait)."""
    bait = _gz_lines(fetch("clickbait_data"))
    news = _gz_lines(fetch("non_clickbait_data"))
    return bait + news, [1] * len(bait) + [0] * len(news)


def sentence_polarity() -> tuple[list[list[str]], list[int]]:
    """Pang & Lee's 10,662 review sentences, tokenized, and their labels (1 = positive)."""
    reader = _nltk_reader("sentence_polarity")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pos = reader.sents(categories="pos")
        neg = reader.sents(categories="neg")
    return list(pos) + list(neg), [1] * len(pos) + [0] * len(neg)


def opinion_lexicon() -> tuple[list[str], list[str]]:
    """Hu & Liu's opinion lexicon: (positive words, negative words)."""
    reader = _nltk_reader("opinion_lexicon")
    return list(reader.positive()), list(reader.negative())


def subjectivity() -> tuple[list[list[str]], list[int]]:
    """Pang & Lee's 5,000 subjective and 5,000 objective sentences, tokenized, and their labels (1 = subjective)."""
    reader = _nltk_reader("subjectivity")
    subjective, objective = reader.sents(categories="subj"), reader.sents(categories="obj")
    return list(subjective) + list(objective), [1] * len(subjective) + [0] * len(objective)


def abc_sections() -> dict[str, list[list[str]]]:
    """The ABC corpus's two sections, rural news and science news, as tokenized sentences."""
    reader = _nltk_reader("abc")
    return {fileid.removesuffix(".txt"): _sentences(reader.words(fileid)) for fileid in ("rural.txt", "science.txt")}
