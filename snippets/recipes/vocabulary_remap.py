"""A new vocabulary for a trained Embedding: the new table copies each kept word's row from the old one by word (the
padding and [UNK] rows too), and new words start as the old [UNK] row, so the model still gives the same outputs.

The data are Chakraborty et al.'s 32,000 headlines, half clickbait, half news. A classifier learns on 8,000 of them
with a vocabulary adapted to those; then a vocabulary is adapted to all 25,600 training headlines, with the same size
limit: new words come in, some old words drop out, and most words get another id.
"""

import gzip

import keras
import numpy as np

SOURCE = "https://github.com/bhargaviparanjape/clickbait/raw/master/dataset/"
SHA256 = {"clickbait_data": "a174ae2a377908ae58a514416c01a19c882de27fa6b1500da3774114e332a546",
          "non_clickbait_data": "4baa2a3cf6b28a48b765e4f763b5d5f03535caae1c70a26f680d39b0ca782a05"}


def headlines_in(name: str) -> list[str]:
    """Downloaded once by Keras, checked against its sha256, and kept in ~/.keras/datasets (or $KERAS_HOME)."""
    path = keras.utils.get_file(f"{name}.gz", SOURCE + f"{name}.gz", file_hash=SHA256[name])
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return [line.strip() for line in lines if line.strip()]


def vectorizer(texts: np.ndarray) -> keras.layers.TextVectorization:
    """Ids for the 5,000 commonest words of the texts; id 0 is padding, id 1 ([UNK]) every other word."""
    vectorize = keras.layers.TextVectorization(max_tokens=5_000, output_sequence_length=20)
    vectorize.adapt(texts)
    return vectorize


def classifier(rows: int, table: np.ndarray | None = None) -> keras.Sequential:
    embedding = keras.layers.Embedding(rows, 16, mask_zero=True, weights=None if table is None else [table])
    return keras.Sequential([keras.Input(shape=(20,), dtype="int32"), embedding,
                             keras.layers.GlobalAveragePooling1D(), keras.layers.Dense(1, activation="sigmoid")])


# --8<-- [start:remap]
def remap(old_table: np.ndarray, old_vocabulary: list[str], new_vocabulary: list[str]) -> np.ndarray:
    """Row i of the new table is the old row of the word new_vocabulary[i]. TextVectorization's vocabularies start
    with "" (padding) and "[UNK]", so those two rows come across by word like the others. A word the old vocabulary
    lacked starts as the old [UNK] row: the vector the model has given it so far."""
    old_row = {word: i for i, word in enumerate(old_vocabulary)}
    new_table = np.repeat(old_table[[old_row["[UNK]"]]], len(new_vocabulary), axis=0)
    for i, word in enumerate(new_vocabulary):
        if word in old_row:
            new_table[i] = old_table[old_row[word]]
    return new_table
# --8<-- [end:remap]


keras.utils.set_random_seed(0)
bait, news = headlines_in("clickbait_data"), headlines_in("non_clickbait_data")
headlines, labels = np.array(bait + news), np.array([1] * len(bait) + [0] * len(news))
order = np.random.default_rng(0).permutation(len(headlines))
train, test = order[:25_600], order[25_600:]

old_vectorize = vectorizer(headlines[train[:8_000]])
old_model = classifier(old_vectorize.vocabulary_size())
old_model.compile(optimizer=keras.optimizers.Adam(1e-2), loss="binary_crossentropy", metrics=["accuracy"])
old_model.fit(old_vectorize(headlines[train[:8_000]]), labels[train[:8_000]], epochs=5, batch_size=64, verbose=0)

new_vectorize = vectorizer(headlines[train])
old_vocabulary, new_vocabulary = old_vectorize.get_vocabulary(), new_vectorize.get_vocabulary()
old_row = {word: i for i, word in enumerate(old_vocabulary)}
kept = [word for word in new_vocabulary if word in old_row]
moved = sum(old_row[word] != i for i, word in enumerate(new_vocabulary) if word in old_row)
dropped = set(old_vocabulary) - set(new_vocabulary)
print(f"vocabularies: old {len(old_vocabulary):,} rows, new {len(new_vocabulary):,} rows")
print(f"words kept {len(kept):,} ({moved:,} of them at another id), new {len(new_vocabulary) - len(kept):,}, "
      f"dropped {len(dropped):,}")

# --8<-- [start:rebuild]
def rebuilt(table: np.ndarray) -> keras.Sequential:
    model = classifier(len(table), table)
    model.layers[-1].set_weights(old_model.layers[-1].get_weights())  # the layers after the table are unchanged
    return model


old_table = old_model.layers[0].get_weights()[0]
new_model = rebuilt(remap(old_table, old_vocabulary, new_vocabulary))
# --8<-- [end:rebuild]
new_table = new_model.layers[0].get_weights()[0]
same = all(np.array_equal(new_table[i], old_table[old_row[word]]) for i, word in enumerate(new_vocabulary)
           if word in old_row)
print(f"rows of the {len(kept):,} kept words (padding and [UNK] included) equal to their old rows: {same}")

# Held-out headlines, split by whether they hold a word that the new vocabulary dropped.
old_ids, new_ids = old_vectorize(headlines[test]), new_vectorize(headlines[test])
has_dropped = np.isin(keras.ops.convert_to_numpy(old_ids), [old_row[word] for word in dropped]).any(axis=1)
before = keras.ops.convert_to_numpy(old_model(old_ids))[:, 0]


def check(name: str, model: keras.Model) -> None:
    after = keras.ops.convert_to_numpy(model(new_ids))[:, 0]
    unchanged = before == after
    accuracy = ((after > 0.5) == labels[test]).mean()
    print(f"{name:<24} {unchanged[~has_dropped].sum():>5,} of {(~has_dropped).sum():,}"
          f"{unchanged[has_dropped].sum():>9,} of {has_dropped.sum():,}{accuracy:>11.3f}")


print(f"held-out headlines: {len(test):,}, of which {has_dropped.sum():,} hold a dropped word; "
      f"old model's accuracy {((before > 0.5) == labels[test]).mean():.3f}")
print("new table                same output: no dropped word, with one   accuracy")
check("remapped by word", new_model)

# Two mistakes, for comparison: rows copied by position instead of by word, and the [UNK] row started afresh.
by_position = new_table.copy()
by_position[: min(len(old_table), len(by_position))] = old_table[: len(by_position)]
check("copied by position", rebuilt(by_position))
fresh_unknown = new_table.copy()
fresh_unknown[1] = keras.initializers.RandomUniform(-0.05, 0.05, seed=0)((new_table.shape[1],))
check("[UNK] row started anew", rebuilt(fresh_unknown))
print(f"keras.utils.warmstart_embedding_matrix in Keras {keras.__version__}: "
      f"{hasattr(keras.utils, 'warmstart_embedding_matrix')}")
