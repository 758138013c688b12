"""Skip-gram with negative sampling, plainly: one (target, context) pair per row, with its noise words.

Two Embedding tables and a dot product, trained with Keras's fit and plain SGD on the Brown corpus; prints the
nearest neighbours of a few probe words. Run with --small to train on the first 5,000 sentences (what the tests do).
"""

import argparse
import collections
import sys
import zipfile

import keras
import nltk
import numpy as np
from gensim.models import KeyedVectors

DIM, WINDOW, NEGATIVES, MIN_COUNT, SAMPLE, EPOCHS, BATCH = 100, 5, 5, 5, 1e-3, 2, 4096
PROBES = ["money", "church", "president", "water", "good", "week"]


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


def vocabulary(sentences):
    """The words kept (at least MIN_COUNT occurrences, most frequent first), their counts, and the corpus as ids
    with the sentence each id belongs to."""
    counts = collections.Counter(word for sentence in sentences for word in sentence)
    words = [w for w, c in counts.most_common() if c >= MIN_COUNT]
    index = {w: i for i, w in enumerate(words)}
    ids = np.array([index[w] for s in sentences for w in s if w in index])
    sentence_of = np.repeat(np.arange(len(sentences)), [sum(w in index for w in s) for s in sentences])
    return words, np.array([counts[w] for w in words], dtype=np.float64), ids, sentence_of


def pairs(freq, ids, sentence_of, rng):
    """One epoch's (target, context) pairs: frequent words randomly dropped (subsampling), then every word within
    the target's window, whose size each target draws between 1 and WINDOW; pairs never cross a sentence."""
    f = freq[ids] / freq.sum()
    kept = rng.random(len(ids)) < np.sqrt(SAMPLE / f) + SAMPLE / f
    ids, sentence = ids[kept], sentence_of[kept]
    reach = rng.integers(1, WINDOW + 1, size=len(ids))
    targets, contexts = [], []
    for offset in range(1, WINDOW + 1):
        for t, c in ((slice(None, -offset), slice(offset, None)), (slice(offset, None), slice(None, -offset))):
            ok = (sentence[t] == sentence[c]) & (reach[t] >= offset)
            targets.append(ids[t][ok])
            contexts.append(ids[c][ok])
    return np.concatenate(targets), np.concatenate(contexts)


class PairLoss(keras.losses.Loss):
    """Per row, the cross-entropies of its real pair (label 1) and of its noise words (label 0), summed."""

    def call(self, labels, logits):
        return keras.ops.sum(keras.ops.binary_crossentropy(labels, logits, from_logits=True), axis=-1)


# --8<-- [start:model]
def sgns_model(vocabulary_size: int, steps: int) -> keras.Model:
    """Target table, context table, their dot product: the logit of "this pair is real"."""
    target_in = keras.Input(shape=(), dtype="int32")
    context_in = keras.Input(shape=(1 + NEGATIVES,), dtype="int32")  # the real context word, then the noise words
    start = keras.initializers.RandomUniform(-0.5 / DIM, 0.5 / DIM)  # word2vec's start; context rows start at zero
    w = keras.layers.Embedding(vocabulary_size, DIM, start, name="target_table")(target_in)
    c = keras.layers.Embedding(vocabulary_size, DIM, "zeros", name="context_table")(context_in)
    model = keras.Model([target_in, context_in], keras.layers.Dot(axes=(1, 2))([w, c]))  # (batch, 1 + NEGATIVES)
    rate = keras.optimizers.schedules.PolynomialDecay(0.025, steps, 0.0001)  # word2vec's linearly falling rate
    # Summed over the batch too, so each pair pushes its rows as hard as in word2vec's one-pair-at-a-time loop.
    model.compile(optimizer=keras.optimizers.SGD(rate), loss=PairLoss(reduction="sum"), jit_compile=True)
    return model
# --8<-- [end:model]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", action="store_true", help="train on the first 5,000 sentences")
    args = parser.parse_args()

    keras.utils.set_random_seed(0)
    rng = np.random.default_rng(0)
    words, freq, ids, sentence_of = vocabulary(brown_sentences()[: 5000 if args.small else None])
    noise = freq**0.75 / (freq**0.75).sum()
    targets, contexts = pairs(freq, ids, sentence_of, rng)
    model = sgns_model(len(words), steps=EPOCHS * int(np.ceil(1.05 * len(targets) / BATCH)))
    labels = np.array([1.0] + [0.0] * NEGATIVES, dtype="float32")
    for epoch in range(EPOCHS):
        if epoch:
            targets, contexts = pairs(freq, ids, sentence_of, rng)  # fresh subsampling and windows each epoch
        negatives = rng.choice(len(words), size=(len(targets), NEGATIVES), p=noise)
        x = [targets, np.column_stack([contexts, negatives])]
        history = model.fit(x, np.tile(labels, (len(targets), 1)), batch_size=BATCH, verbose=0)
        print(f"epoch {epoch + 1}: {len(targets):,} pairs, loss {history.history['loss'][0]:.1f}")
    vectors = KeyedVectors(DIM)  # gensim's container, used here only for its nearest-neighbour search
    vectors.add_vectors(words, model.get_layer("target_table").get_weights()[0])
    for probe in PROBES:
        if probe in vectors:
            print(f"{probe:>10}: " + ", ".join(w for w, _ in vectors.most_similar(probe, topn=6)))
