# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Train a Keras Embedding on headlines and inspect it
#
# This walkthrough trains the smallest useful model built around a Keras `Embedding` layer (look up one row per
# word, average the rows, one sigmoid unit) to tell clickbait headlines from news headlines, then opens the table it
# learned and asks what its rows mean.
#
# The data are the 32,000 headlines of Chakraborty et al. (2016), half clickbait, half news. Keras's `get_file`
# downloads them from the authors' repository once, checks their sha256 and keeps them in its cache folder
# (`~/.keras/datasets`, or `$KERAS_HOME/datasets`). Every random step is seeded, so running the notebook again gives
# the same numbers.

# %%
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # keep TensorFlow's start-up messages out of the outputs

import gzip

import keras
import matplotlib.pyplot as plt
import numpy as np

SOURCE = "https://github.com/bhargaviparanjape/clickbait/raw/master/dataset/"
SHA256 = {"clickbait_data": "a174ae2a377908ae58a514416c01a19c882de27fa6b1500da3774114e332a546",
          "non_clickbait_data": "4baa2a3cf6b28a48b765e4f763b5d5f03535caae1c70a26f680d39b0ca782a05"}


def headlines_in(name: str) -> list[str]:
    path = keras.utils.get_file(f"{name}.gz", SOURCE + f"{name}.gz", file_hash=SHA256[name])
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return [line.strip() for line in lines if line.strip()]


keras.utils.set_random_seed(0)
bait, news = headlines_in("clickbait_data"), headlines_in("non_clickbait_data")
texts, labels = bait + news, [1] * len(bait) + [0] * len(news)
headlines, labels = np.array(texts), np.array(labels)
print(f"{len(headlines):,} headlines, {labels.mean():.0%} clickbait")
for i in (0, 1, -1, -2):
    print(f"  label {labels[i]}: {texts[i]}")

# %% [markdown]
# ## Words to row numbers
#
# An `Embedding` layer reads integers, so text is first mapped to row numbers. `TextVectorization` learns a vocabulary
# from the training headlines only (80% of them, drawn at random), reserving row 0 for padding and row 1 for words it
# has never seen.

# %%
order = np.random.default_rng(0).permutation(len(headlines))
train, test = order[: int(0.8 * len(order))], order[int(0.8 * len(order)) :]

vectorize = keras.layers.TextVectorization(max_tokens=10_000, output_sequence_length=20)
vectorize.adapt(headlines[train])
vocabulary = [str(word) for word in vectorize.get_vocabulary()]
ids = np.asarray(vectorize(headlines))
print(f"vocabulary: {len(vocabulary):,} rows, starting {vocabulary[:8]}")
print(f"{texts[0]!r} ->\n{ids[0]}")

# %% [markdown]
# ## The model
#
# Sixteen numbers per word are plenty for this task. `mask_zero=True` makes the average skip the padding. The table
# starts random: its rows mean nothing until the loss moves them.

# %%
model = keras.Sequential([
    keras.Input(shape=(20,), dtype="int64"),
    keras.layers.Embedding(len(vocabulary), 16, mask_zero=True, name="table"),
    keras.layers.GlobalAveragePooling1D(),
    keras.layers.Dense(1, activation="sigmoid", name="unit"),
])
start = model.get_layer("table").get_weights()[0].copy()
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
history = model.fit(ids[train], labels[train], epochs=3, batch_size=64, verbose=0)
for epoch, (loss, accuracy) in enumerate(zip(history.history["loss"], history.history["accuracy"]), 1):
    print(f"epoch {epoch}: loss {loss:.3f}, training accuracy {accuracy:.3f}")
print(f"held-out accuracy: {model.evaluate(ids[test], labels[test], verbose=0)[1]:.3f}")

# %% [markdown]
# ## What the rows mean
#
# The model's output depends on a headline's average row only through one dot product, with the sigmoid unit's
# weights. Projecting every row onto those weights gives each word a single "clickbait score", and the words at the
# two ends of that scale are what the table learned.

# %%
table = model.get_layer("table").get_weights()[0]
weights, bias = model.get_layer("unit").get_weights()
score = table @ weights[:, 0]
ranked = np.argsort(score)[::-1]
words = np.array(vocabulary)
print("most clickbait:", ", ".join(words[ranked[:12]]))
print("most news-like:", ", ".join(words[ranked[-12:][::-1]]))

# %% [markdown]
# Nearest neighbours by cosine similarity show the same thing from another side: a word's neighbours in this table are
# words that push the prediction the same way, not words of similar meaning.

# %%
unit_rows = table / np.maximum(np.linalg.norm(table, axis=1, keepdims=True), 1e-12)
for probe in ["you", "obama", "dog", "killed", "best"]:
    similar = np.argsort(unit_rows @ unit_rows[vocabulary.index(probe)])[::-1][1:7]
    print(f"{probe:>7}: " + ", ".join(words[similar]))

# %%
counts = np.bincount(ids[train].ravel(), minlength=len(vocabulary))
moved = np.linalg.norm(table - start, axis=1)
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.scatter(counts[2:], moved[2:], s=4, alpha=0.4)
ax.set(xscale="log", xlabel="occurrences in the training headlines", ylabel="distance the row moved",
       title="How far each word's row moved during training")
plt.show()
print(f"row 0 (padding) moved {moved[0]:.4f}; word rows moved between {moved[2:].min():.3f} and "
      f"{moved[2:].max():.3f}, median {np.median(moved[2:]):.3f}")

# %% [markdown]
# The padding row never moves: the mask keeps it out of every average, so its gradient is always zero. Every word's
# row moved. How far a row goes with its word's frequency depends on the optimizer and on how long it trains: with
# Adam, as here, frequent rows move first and rare rows catch up later, as
# [How the table moves](../../experiments/movement/#adam-and-word-frequency) measures over ten epochs. Read the
# scatter above as this one short run. Nothing in this training asked the rows to encode
# meaning, only to separate two kinds of headline; see [Two spaces side by side](../../experiments/two-spaces/)
# for how such a table compares with word2vec's.
