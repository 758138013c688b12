"""A one-block transformer built from Keras layers, trained to predict the next word of Brown corpus sentences.

Its token table is an ordinary keras.layers.Embedding. With tied output weights the same table also scores every
word of the vocabulary at the output (logits = h E^T), so one training step changes every row of it; with a separate
output layer, a step changes only the rows of the tokens in the batch.
"""

import collections
import sys
import zipfile

import keras
import nltk
import numpy as np

VOCAB, LENGTH, DIM, HEADS, EPOCHS, BATCH = 1000, 16, 64, 2, 2, 64
TRAIN, HELD_OUT = 10_000, 2_000  # sentences


def brown_sentences() -> list[list[str]]:
    """The Brown corpus, about a million words: one list of lowercase words per sentence. NLTK reads it from its
    data folders (or the folder that NLTK_DATA names) and downloads it there on first use."""
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


# --8<-- [start:model]
class TinyTransformer(keras.Model):
    def __init__(self, tied: bool):
        super().__init__()
        self.tokens = keras.layers.Embedding(VOCAB, DIM)  # the token table: an ordinary Embedding
        self.positions = keras.layers.Embedding(LENGTH, DIM)  # one learned vector per position
        self.attention = keras.layers.MultiHeadAttention(HEADS, DIM // HEADS)
        self.norm1, self.norm2 = keras.layers.LayerNormalization(), keras.layers.LayerNormalization()
        self.hidden, self.back = keras.layers.Dense(4 * DIM, activation="relu"), keras.layers.Dense(DIM)
        self.output_table = None if tied else keras.layers.Dense(VOCAB, use_bias=False)

    def call(self, ids):
        x = self.tokens(ids) + self.positions(keras.ops.arange(LENGTH))
        x = self.norm1(x + self.attention(x, x, use_causal_mask=True))  # each position sees itself and earlier ones
        x = self.norm2(x + self.back(self.hidden(x)))
        if self.output_table is None:  # tied: score word v by h . E[v], with the token table itself
            return keras.ops.matmul(x, keras.ops.transpose(self.tokens.embeddings))
        return self.output_table(x)
# --8<-- [end:model]


def encode(sentences, index) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Inputs, next-word targets and loss weights: id 0 pads, id 1 is every word outside the vocabulary."""
    ids = np.zeros((len(sentences), LENGTH + 1), dtype="int32")
    for row, sentence in enumerate(sentences):
        words = sentence[: LENGTH + 1]
        ids[row, : len(words)] = [index.get(w, 1) for w in words]
    return ids[:, :-1], ids[:, 1:], (ids[:, 1:] > 0).astype("float32")


def build(tied: bool, learning_rate: float, optimizer=keras.optimizers.Adam) -> TinyTransformer:
    keras.utils.set_random_seed(0)
    model = TinyTransformer(tied)
    model.compile(optimizer(learning_rate), keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  weighted_metrics=[keras.metrics.SparseCategoricalCrossentropy(name="per_word", from_logits=True)])
    model(np.zeros((1, LENGTH), dtype="int32"))  # creates the weights
    return model


sentences = brown_sentences()[: TRAIN + HELD_OUT]
counts = collections.Counter(w for s in sentences[:TRAIN] for w in s)
index = {w: i + 2 for i, (w, _) in enumerate(counts.most_common(VOCAB - 2))}
x, y, weight = encode(sentences[:TRAIN], index)
x_held, y_held, weight_held = encode(sentences[TRAIN:], index)

model = build(tied=True, learning_rate=3e-3)
print(f"token table: {type(model.tokens).__name__}, {VOCAB:,} rows of {DIM}")
print(f"parameters: {model.count_params():,} with tied output weights, "
      f"{build(tied=False, learning_rate=3e-3).count_params():,} untied")
history = model.fit(x, y, sample_weight=weight, batch_size=BATCH, epochs=EPOCHS, verbose=0)
held_out = model.evaluate(x_held, y_held, sample_weight=weight_held, return_dict=True, verbose=0)["per_word"]
# A model that ignores the context: each word's share of the training targets.
share = np.bincount(y[weight > 0], minlength=VOCAB) / weight.sum()
unigram = -np.mean(np.log(share[y_held[weight_held > 0]]))
print("loss per word, training, by epoch: " + ", ".join(f"{loss:.2f}" for loss in history.history["per_word"]))
print(f"loss per word, the next {HELD_OUT:,} sentences: transformer {held_out:.2f}, "
      f"word frequencies alone {unigram:.2f}")

# Nearest rows by cosine in the trained token table (the padding and [UNK] rows left out).
words = {i: w for w, i in index.items()}
table = model.tokens.get_weights()[0]
unit = table / np.linalg.norm(table, axis=1, keepdims=True)
for probe in ["he", "money", "said", "three"]:
    cosine = unit @ unit[index[probe]]
    cosine[:2] = -np.inf
    print(f"{probe:>8}: " + ", ".join(words[i] for i in np.argsort(-cosine)[1:6]))

# --8<-- [start:rows]
# One plain SGD step from the same start: which rows of the token table does it change?
batch = slice(0, BATCH)
in_batch = len(np.unique(x[batch][weight[batch] > 0]))  # the input tokens whose positions reach the loss
print(f"\none SGD step on {BATCH} sentences, {in_batch} distinct input tokens; rows of the token table changed:")
for tied in (False, True):
    model = build(tied, learning_rate=0.1, optimizer=keras.optimizers.SGD)
    before = model.tokens.get_weights()[0]
    model.train_on_batch(x[batch], y[batch], sample_weight=weight[batch])
    changed = np.any(model.tokens.get_weights()[0] != before, axis=1).sum()
    print(f"  {'tied' if tied else 'untied':>6} output weights: {changed:,} of {VOCAB:,}")
# --8<-- [end:rows]
