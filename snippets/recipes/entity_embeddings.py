"""Entity embeddings (Guo and Berkhahn 2016): one Embedding per categorical column of a table, feeding a small Keras
model, against the same model on one-hot columns, scored on rows it never saw.

The table is made from NLTK's Brown corpus: one row per word of 200 of its 500 texts, six categorical columns (the
word, the words before and after it, its last three letters, its capitals, the genre of its text) and a label, the
word's part-of-speech tag. The rows of 50 texts are held out, so the test rows come from texts the models never saw.

    python entity_embeddings.py           # 60,000 training rows, two seeds per model
    python entity_embeddings.py --small   # 15,000 training rows, one seed (what the tests do)
"""

import argparse
import collections
import re
import sys
import zipfile

import keras
import nltk
import numpy as np
import scipy.sparse

COLUMNS = ["word", "previous word", "next word", "last 3 letters", "capitals", "genre"]


def brown_texts() -> nltk.corpus.reader.CategorizedTaggedCorpusReader:
    """NLTK's Brown corpus reader. NLTK reads the corpus from its data folders (or the folder that NLTK_DATA names)
    and downloads it there on first use."""
    try:
        nltk.data.find("corpora/brown.zip")
    except LookupError:
        nltk.download("brown", quiet=True)  # prints why, if it cannot
    except zipfile.BadZipFile:
        pass  # a damaged file: reported when it is read below
    try:
        nltk.corpus.brown.fileids()  # loads the corpus reader: fails here if the file is missing or damaged
        return nltk.corpus.brown
    except (LookupError, OSError, zipfile.BadZipFile) as error:
        sys.exit(f"error: cannot read NLTK's Brown corpus ({type(error).__name__}); run "
                 "`python -m nltk.downloader brown`, or set NLTK_DATA to a folder holding corpora/brown.zip")


def capitals(word: str) -> str:
    if word.istitle():
        return "Title"
    if word.isupper():
        return "UPPER"
    return "lower" if word.islower() else "digit" if word[:1].isdigit() else "other"


def table(brown, texts: list[str]) -> list[tuple[str, ...]]:
    """One row per word of the given texts: the six columns, then the tag (title, headline and cited-word marks
    dropped: NN-TL is NN)."""
    rows = []
    for genre in brown.categories():
        chosen = sorted(set(texts) & set(brown.fileids(genre)))
        for sentence in brown.tagged_sents(fileids=chosen) if chosen else []:
            words = ["<start>"] + [word.lower() for word, _ in sentence] + ["<end>"]
            for i, (word, tag) in enumerate(sentence, start=1):
                rows.append((words[i], words[i - 1], words[i + 1], words[i][-3:], capitals(word), genre,
                             re.sub(r"-(TL|HL|NC)", "", tag)))
    return rows


def ids(values: list[str], min_count: int = 3) -> dict[str, int]:
    """Category -> id, from the training rows only: ids 1, 2... for the categories seen at least min_count times,
    most frequent first; every other category, and every category first seen in new rows, gets id 0."""
    counts = collections.Counter(values).most_common()
    return {value: i for i, (value, n) in enumerate(counts, start=1) if n >= min_count}


# --8<-- [start:size]
def embedding_size(categories: int) -> int:
    """The fourth root of the number of categories, at least 2: the rule of thumb that Google's post introducing
    TensorFlow's feature columns gave (2017)."""
    return max(2, round(categories**0.25))
# --8<-- [end:size]


# --8<-- [start:model]
def entity_embedding_model(cardinalities: list[int], classes: int) -> keras.Model:
    """Each column's ids look up rows of that column's own table; the rows are concatenated and go on to a small
    network, as any numeric features would."""
    columns = keras.Input(shape=(len(cardinalities),), dtype="int32")
    vectors = [keras.layers.Embedding(n, embedding_size(n))(columns[:, i]) for i, n in enumerate(cardinalities)]
    hidden = keras.layers.Dense(64, activation="relu")(keras.layers.Concatenate()(vectors))
    return keras.Model(columns, keras.layers.Dense(classes, activation="softmax")(hidden))
# --8<-- [end:model]


def one_hot_model(width: int, classes: int) -> keras.Model:
    """The same network on the one-hot columns side by side (a sparse input: most of it is zeros)."""
    columns = keras.Input(shape=(width,), sparse=True)
    hidden = keras.layers.Dense(64, activation="relu")(columns)
    return keras.Model(columns, keras.layers.Dense(classes, activation="softmax")(hidden))


def one_hot(X: np.ndarray, cardinalities: list[int]) -> scipy.sparse.csr_matrix:
    offsets = np.cumsum([0] + cardinalities[:-1])
    rows = np.repeat(np.arange(len(X)), X.shape[1])
    return scipy.sparse.csr_matrix((np.ones(X.size, "float32"), (rows, (X + offsets).ravel())),
                                   shape=(len(X), sum(cardinalities)))


parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--small", action="store_true", help="15,000 training rows and one seed (what the tests do)")
args = parser.parse_args()
train_size, seeds = (15_000, [0]) if args.small else (60_000, [0, 1])

brown = brown_texts()
rng = np.random.default_rng(0)
texts = [brown.fileids()[i] for i in rng.permutation(len(brown.fileids()))[:200]]
train_rows, test_rows = table(brown, texts[50:]), table(brown, texts[:50])
train_rows = [train_rows[i] for i in rng.choice(len(train_rows), train_size, replace=False)]

# Category ids come from the training rows alone; the test rows are encoded with them, unseen categories as 0.
maps = [ids([row[c] for row in train_rows]) for c in range(len(COLUMNS))]
tags = ids([row[-1] for row in train_rows], min_count=100)  # rarer tags are one class, 0


def encode(rows):
    X = np.array([[m.get(value, 0) for m, value in zip(maps, row)] for row in rows], dtype="int32")
    return X, np.array([tags.get(row[-1], 0) for row in rows], dtype="int32")


(X_train, y_train), (X_test, y_test) = encode(train_rows), encode(test_rows)
cardinalities, classes = [len(m) + 1 for m in maps], len(tags) + 1
print(f"table: {len(train_rows):,} training rows from 150 texts; {len(test_rows):,} held-out rows from 50 others")
print(f"label: {classes} classes (Brown tags seen 100 times or more, and one for the rest)")
print("column          categories  size: n ** 0.25   fastai's 1.6 * n ** 0.56")
for name, n in zip(COLUMNS, cardinalities):
    print(f"{name:<15} {n:>10,}  {embedding_size(n):>15}   {min(600, round(1.6 * n**0.56)):>24}")

models = {"entity embeddings": (lambda: entity_embedding_model(cardinalities, classes), X_train, X_test),
          "one-hot": (lambda: one_hot_model(sum(cardinalities), classes),
                      one_hot(X_train, cardinalities), one_hot(X_test, cardinalities))}
results = collections.defaultdict(list)
for seed in seeds:
    for name, (build, train, test) in models.items():
        keras.utils.set_random_seed(seed)
        model = build()
        model.compile(optimizer=keras.optimizers.Adam(1e-2), loss="sparse_categorical_crossentropy",
                      metrics=["accuracy"])
        # Each model trains until its loss on a tenth of the training rows stops falling, and keeps its best epoch.
        model.fit(train, y_train, epochs=30, batch_size=1024, validation_split=0.1, verbose=0,
                  callbacks=[keras.callbacks.EarlyStopping(patience=2, restore_best_weights=True)])
        accuracy = model.evaluate(test, y_test, batch_size=4096, verbose=0)[1]
        results[name].append((model.count_params(), accuracy))

print(f"model              parameters  held-out accuracy, seed {' / seed '.join(map(str, seeds))}")
for name, runs in results.items():
    print(f"{name:<17} {runs[0][0]:>11,}  " + "  ".join(f"{accuracy:.3f}" for _, accuracy in runs))
