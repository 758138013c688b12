"""A complete supervised model, Embedding -> average pooling -> Dense, trained with fit() on real review sentences.

Prints the test accuracy, how far the table's rows moved for frequent, rare and never-seen words, and which
words the trained table (read through the Dense layer) scores as most positive and most negative.
"""

import collections
import sys
import zipfile

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


keras.utils.set_random_seed(0)
sentences, labels = review_sentences()
order = np.random.default_rng(0).permutation(len(sentences))
split = int(0.8 * len(order))
train, test = order[:split], order[split:]

vectorize = keras.layers.TextVectorization(max_tokens=20000, output_sequence_length=40, standardize=None)
vectorize.adapt([" ".join(sentences[i]) for i in train])  # vocabulary from the training split only
vocab = vectorize.get_vocabulary()  # id 0 = padding, id 1 = [UNK]


def encode(indices):
    return keras.ops.convert_to_numpy(vectorize([" ".join(sentences[i]) for i in indices]))


x_train, x_test = encode(train), encode(test)
y = np.array(labels)

embedding = keras.layers.Embedding(input_dim=len(vocab), output_dim=32, mask_zero=True)
dense = keras.layers.Dense(1, activation="sigmoid")
model = keras.Sequential([keras.Input(shape=(40,), dtype="int32"), embedding,
                          keras.layers.GlobalAveragePooling1D(), dense])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
start = embedding.get_weights()[0]
model.fit(x_train, y[train], epochs=8, batch_size=64, verbose=0)
print(f"test accuracy: {model.evaluate(x_test, y[test], verbose=0)[1]:.3f}")

# How far each row moved, grouped by how often its word occurs in the training sentences.
moved = np.linalg.norm(embedding.get_weights()[0] - start, axis=1)
counts = collections.Counter(x_train[x_train > 1].tolist())
groups = {
    "frequent (>= 100 times)": [i for i in range(2, len(vocab)) if counts[i] >= 100],
    "rare (1-2 times)": [i for i in range(2, len(vocab)) if counts[i] <= 2],
    "padding row (id 0)": [0],
}
for name, rows in groups.items():
    print(f"mean move of {name:<24} {moved[rows].mean():.3f}  ({len(rows)} rows)")

# The Dense layer reads one direction of the pooled vector; project every word's row onto it.
score = embedding.get_weights()[0] @ dense.get_weights()[0][:, 0]
frequent = np.array(groups["frequent (>= 100 times)"])
ranked = frequent[np.argsort(score[frequent])]
print("most negative frequent words:", " ".join(vocab[i] for i in ranked[:10]))
print("most positive frequent words:", " ".join(vocab[i] for i in ranked[-10:][::-1]))
