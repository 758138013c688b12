"""Skip-gram with negative sampling written as a Keras model: two Embedding tables and a dot product.

Trained on the Brown corpus (about 1M words); prints the nearest neighbours of a few probe words.
Run with --small to train on the first 5,000 sentences only (what the tests do).
"""

import argparse
import collections

import keras
import numpy as np
from gensim.models import KeyedVectors

from embedlab.corpus import nltk_sentences

parser = argparse.ArgumentParser()
parser.add_argument("--small", action="store_true", help="train on the first 5,000 sentences")
args = parser.parse_args()

DIM, WINDOW, NEGATIVES, MIN_COUNT, SAMPLE, EPOCHS, BATCH = 100, 5, 5, 5, 1e-3, 3, 4096
PROBES = ["money", "church", "president", "water", "good", "week"]
rng = np.random.default_rng(0)
keras.utils.set_random_seed(0)

sentences = nltk_sentences("brown")[: 5000 if args.small else None]
counts = collections.Counter(word for sentence in sentences for word in sentence)
words = [w for w, c in counts.most_common() if c >= MIN_COUNT]
index = {w: i for i, w in enumerate(words)}
freq = np.array([counts[w] for w in words], dtype=np.float64)
print(f"{sum(map(len, sentences)):,} tokens, vocabulary of {len(words):,} words")

# The corpus as one array of ids, with the sentence each token belongs to (pairs never cross sentences).
ids = np.array([index[w] for s in sentences for w in s if w in index])
sentence_of = np.repeat(np.arange(len(sentences)), [sum(w in index for w in s) for s in sentences])


def training_pairs():
    """One epoch of (target, context) pairs, generated with array operations rather than a Python loop."""
    # Subsampling as in word2vec: frequent words are dropped with probability 1 - sqrt(t / f) (+ t / f).
    f = freq[ids] / freq.sum()
    keep = rng.random(len(ids)) < np.sqrt(SAMPLE / f) + SAMPLE / f
    kept, sent = ids[keep], sentence_of[keep]
    # Each target draws its own window size in 1..WINDOW, so near words are used more often than far ones.
    reach = rng.integers(1, WINDOW + 1, size=len(kept))
    targets, contexts = [], []
    for offset in range(1, WINDOW + 1):
        for t, c in ((slice(None, -offset), slice(offset, None)), (slice(offset, None), slice(None, -offset))):
            ok = (sent[t] == sent[c]) & (reach[t] >= offset)
            targets.append(kept[t][ok])
            contexts.append(kept[c][ok])
    targets, contexts = np.concatenate(targets), np.concatenate(contexts)
    shuffle = rng.permutation(len(targets))
    return targets[shuffle], contexts[shuffle]


# Negative words are drawn from the unigram distribution raised to the power 3/4.
noise = freq**0.75 / (freq**0.75).sum()

target_in = keras.Input(shape=(), dtype="int32")
context_in = keras.Input(shape=(1 + NEGATIVES,), dtype="int32")  # the true context word, then the negatives
# Initialised as word2vec does: small random target vectors, zero context vectors.
start = keras.initializers.RandomUniform(-0.5 / DIM, 0.5 / DIM)
w = keras.layers.Embedding(len(words), DIM, start, name="target_table")(target_in)  # (batch, DIM)
c = keras.layers.Embedding(len(words), DIM, "zeros", name="context_table")(context_in)  # (batch, 1+NEGATIVES, DIM)
logits = keras.layers.Dot(axes=(1, 2))([w, c])  # (batch, 1 + NEGATIVES): one dot product per pair
model = keras.Model([target_in, context_in], logits)


class NegativeSamplingLoss(keras.losses.Loss):
    def call(self, labels, logits):
        """Per pair: -log sigmoid(w.c) for the true context word, -log sigmoid(-w.c) for each negative word."""
        return keras.ops.sum(keras.ops.binary_crossentropy(labels, logits, from_logits=True), axis=-1)


# Summed over the pairs of a batch and minimised by plain SGD whose rate falls linearly from 0.025, as in word2vec.
steps = EPOCHS * int(np.ceil(1.05 * len(ids) * 2 * WINDOW / BATCH))  # upper bound on the number of batches
model.compile(
    optimizer=keras.optimizers.SGD(keras.optimizers.schedules.PolynomialDecay(0.025, steps, 0.0001)),
    loss=NegativeSamplingLoss(reduction="sum"),
    jit_compile=True,
)

labels_row = np.array([1.0] + [0.0] * NEGATIVES, dtype="float32")
for epoch in range(EPOCHS):
    targets, contexts = training_pairs()
    negatives = rng.choice(len(words), size=(len(targets), NEGATIVES), p=noise)
    x = [targets, np.column_stack([contexts, negatives])]
    history = model.fit(x, np.tile(labels_row, (len(targets), 1)), batch_size=BATCH, epochs=1, verbose=0)
    print(f"epoch {epoch + 1}: {len(targets):,} pairs, loss {history.history['loss'][0]:.4f}")

vectors = KeyedVectors(DIM)  # gensim's container, used here only for its nearest-neighbour search
vectors.add_vectors(words, model.get_layer("target_table").get_weights()[0])
for probe in PROBES:
    if probe in vectors:
        print(f"{probe:>10}: " + ", ".join(w for w, _ in vectors.most_similar(probe, topn=6)))
