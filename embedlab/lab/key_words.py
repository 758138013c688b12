"""Which words of a text are its key words: rules fixed before any result was seen, shared by the experiments that
pick texts or pairs by their words."""

from __future__ import annotations

from collections.abc import Callable


def is_content_word(word: str) -> bool:
    """Not an English stop word (scikit-learn's list) and not a number ("10 things ..." says nothing of a topic)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return word not in ENGLISH_STOP_WORDS and not word.isdigit()


def key_word_test(kind: str) -> Callable[[str], bool]:
    """``"opinion words"``: a word of Hu and Liu's opinion lexicon; ``"content words"``: see is_content_word."""
    if kind == "opinion words":
        from embedlab.data.corpus import opinion_lexicon

        positive, negative = opinion_lexicon()
        return (set(positive) | set(negative)).__contains__
    if kind == "content words":
        return is_content_word
    raise ValueError(f"unknown kind of key word: {kind!r}")
