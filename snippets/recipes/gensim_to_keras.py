"""gensim 4 has no KeyedVectors.get_keras_embedding: a Keras Embedding made from a gensim KeyedVectors instead, with
a padding row, an [UNK] row and the word -> id map that goes with them, checked against kv[word].

The vectors: gensim's word2vec (CBOW), trained for a few seconds on NLTK's Brown corpus.
"""

import sys
import zipfile

import gensim
import keras
import nltk
import numpy as np
from gensim.models import KeyedVectors, Word2Vec


def brown_sentences() -> list[list[str]]:
    """The Brown corpus as lists of lowercase words. NLTK reads it from its data folders (or the folder that
    NLTK_DATA names) and downloads it there on first use."""
    try:
        nltk.data.find("corpora/brown.zip")
    except LookupError:
        nltk.download("brown", quiet=True)  # prints why, if it cannot
    except zipfile.BadZipFile:
        pass  # a damaged file: reported when it is read below
    try:
        sentences = [[w.lower() for w in s if w.isalpha()] for s in nltk.corpus.brown.sents()]
    except (LookupError, OSError, zipfile.BadZipFile) as error:
        sys.exit(f"error: cannot read NLTK's Brown corpus ({type(error).__name__}); run "
                 "`python -m nltk.downloader brown`, or set NLTK_DATA to a folder holding corpora/brown.zip")
    return [s for s in sentences if s]


# --8<-- [start:layer]
def keras_embedding(kv: KeyedVectors, trainable: bool = False):
    """A TextVectorization and the Embedding its ids index. The ids are gensim's, moved up by two: row 0 is padding
    (zeros, and masked), row 1 every word without a vector (their average), row i + 2 the vector of
    kv.index_to_key[i]. Split and lowercase texts as the texts the vectors were trained on were."""
    vectorize = keras.layers.TextVectorization(vocabulary=kv.index_to_key, standardize="lower", split="whitespace")
    matrix = np.vstack([np.zeros((1, kv.vector_size)), kv.vectors.mean(axis=0, keepdims=True), kv.vectors])
    embedding = keras.layers.Embedding(len(matrix), kv.vector_size, weights=[matrix.astype("float32")],
                                       mask_zero=True, trainable=trainable)
    return vectorize, embedding
# --8<-- [end:layer]


print(f"gensim {gensim.__version__}: KeyedVectors.get_keras_embedding exists: "
      f"{hasattr(KeyedVectors, 'get_keras_embedding')}")
kv = Word2Vec(brown_sentences(), vector_size=50, min_count=5, epochs=2, workers=1, seed=0).wv
print(f"word2vec on the Brown corpus: {len(kv):,} words x {kv.vector_size} dimensions")

vectorize, embedding = keras_embedding(kv)
vocabulary = vectorize.get_vocabulary()
print(f"Keras vocabulary: {len(vocabulary):,} ids, starting {[str(word) for word in vocabulary[:4]]}")
words = ["the", "jury", "money", "president", "afternoon", "qwertyuiop"]
ids = keras.ops.convert_to_numpy(vectorize([" ".join(words)]))[0]
rows = keras.ops.convert_to_numpy(embedding(ids))
unknown_row = embedding.get_weights()[0][1]
for word, i, row in zip(words, ids, rows):
    same = f"row == kv[word]: {np.array_equal(row, kv[word])}" if word in kv else (
        f"no vector; row == [UNK] row: {np.array_equal(row, unknown_row)}")
    print(f"{word:>11}: gensim id {kv.key_to_index.get(word, '-'):>5}, Keras id {i:>5}, {same}")
print(f"frozen (trainable=False): {len(embedding.trainable_weights)} trainable weights; "
      f"padding id 0 masked: {not keras.ops.convert_to_numpy(embedding.compute_mask(np.array([0])))[0]}")

# The mistake this avoids: gensim's own ids with kv.vectors as the table, as gensim 3's get_keras_embedding gave
# by default. Id 0 is then gensim's commonest word, which padding also uses and mask_zero=True hides.
as_is = keras.layers.Embedding(len(kv), kv.vector_size, weights=[kv.vectors], mask_zero=True)
first = kv.index_to_key[0]
print(f"kv.vectors as the table: id 0 is {first!r}; masked as padding: "
      f"{not keras.ops.convert_to_numpy(as_is.compute_mask(np.array([kv.key_to_index[first]])))[0]}")
