"""Export a trained Keras Embedding table for the Embedding Projector (projector.tensorflow.org or TensorBoard).

Trains a small review classifier, then writes to --out: vectors.tsv (one row of tab-separated numbers per word),
metadata.tsv (a header row, then each word and its count, in the same order) and projector_config.pbtxt (which
tells TensorBoard that the two files belong together).
"""

import argparse
import collections
import os
import sys
import tempfile
import zipfile
from pathlib import Path

import keras
import nltk
import numpy as np


def review_sentences() -> tuple[list[list[str]], list[int]]:
    """Pang and Lee's 10,662 movie-review sentences (NLTK's sentence_polarity), tokenized, and their labels
    (1 = positive). NLTK reads them from its data folders (or the folder that NLTK_DATA names) and downloads them
    there on first use."""
    try:
        nltk.data.find("corpora/sentence_polarity.zip")
    except LookupError:
        nltk.download("sentence_polarity", quiet=True)  # prints why, if it cannot
    except zipfile.BadZipFile:
        pass  # a damaged file: reported when it is read below
    try:
        positive = list(nltk.corpus.sentence_polarity.sents(categories="pos"))
        negative = list(nltk.corpus.sentence_polarity.sents(categories="neg"))
    except (LookupError, OSError, zipfile.BadZipFile) as error:
        sys.exit(f"error: cannot read NLTK's sentence_polarity corpus ({type(error).__name__}); run `python -m "
                 "nltk.downloader sentence_polarity`, or set NLTK_DATA to a folder with corpora/sentence_polarity.zip")
    return positive + negative, [1] * len(positive) + [0] * len(negative)


CONFIG = """embeddings {
  tensor_name: "embedding"
  tensor_path: "vectors.tsv"
  metadata_path: "metadata.tsv"
}
"""

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "embedlab-projector")
args = parser.parse_args()

keras.utils.set_random_seed(0)
sentences, labels = review_sentences()
texts = [" ".join(s) for s in sentences]
vectorize = keras.layers.TextVectorization(max_tokens=5000, output_sequence_length=40, standardize=None)
vectorize.adapt(texts)
model = keras.Sequential([
    keras.Input(shape=(40,), dtype="int32"),
    keras.layers.Embedding(vectorize.vocabulary_size(), 16, mask_zero=True, name="embedding"),
    keras.layers.GlobalAveragePooling1D(),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(vectorize(texts), np.array(labels), epochs=3, batch_size=64, verbose=0)


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename it: a reader never sees half a file."""
    with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, encoding="utf-8") as temporary:
        temporary.write(text)
    os.replace(temporary.name, path)


def export_projector(table: np.ndarray, words: list[str], counts: list[int], out: Path) -> None:
    """Write one table in the projector's format; row i of ``table`` belongs to ``words[i]``."""
    out.mkdir(parents=True, exist_ok=True)
    write_atomically(out / "vectors.tsv", "".join("\t".join(f"{v:.5f}" for v in row) + "\n" for row in table))
    # A single column would need no header; with two, the projector takes the first line for the column names.
    rows = "".join(f"{w}\t{c}\n" for w, c in zip(words, counts))
    write_atomically(out / "metadata.tsv", "word\tcount\n" + rows)
    write_atomically(out / "projector_config.pbtxt", CONFIG)  # paths are relative to this file


vocab = vectorize.get_vocabulary()  # id 0: padding, id 1: [UNK], then the words, most frequent first
table = model.get_layer("embedding").get_weights()[0]
counts = collections.Counter(w for s in sentences for w in s)
# Row 0 is padding (masked, so never trained) and row 1 is shared by every unknown word: neither is a word.
export_projector(table[2:], vocab[2:], [counts[w] for w in vocab[2:]], args.out)

vectors = (args.out / "vectors.tsv").read_text().splitlines()
metadata = (args.out / "metadata.tsv").read_text().splitlines()
print(f"wrote {args.out}")
print(f"vectors.tsv: {len(vectors)} rows of {len(vectors[0].split())} numbers (table rows 0 and 1 left out)")
print(f"metadata.tsv: the header {metadata[0].split()}, then {len(metadata) - 1} rows")
print("the first rows of both files, side by side:")
for meta, row in zip(metadata[1:5], vectors):
    word, count = meta.split("\t")
    print(f"  {word:<5} {count:>6} | {'  '.join(row.split()[:5])}  ...")
print("projector_config.pbtxt:")
print(CONFIG, end="")
