"""Skip-gram with negative sampling written as a Keras model: two Embedding tables and a dot product.

Trained on the Brown corpus (about 1M words); prints the nearest neighbours of a few probe words.
Run with --small to train on the first 5,000 sentences only (what the tests do). Needs Keras's TensorFlow backend
(the default): the training step is written with TensorFlow's GradientTape.
"""

import argparse
import collections
import concurrent.futures
import sys
import zipfile

import keras
import nltk
import numpy as np
import tensorflow as tf
from gensim.models import KeyedVectors

DIM, WINDOW, NEGATIVES, MIN_COUNT, SAMPLE, EPOCHS, BATCH = 100, 5, 5, 5, 1e-3, 3, 512
BATCHES_PER_CALL = 16  # batches that fit hands to one call of the compiled training step
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


class Corpus:
    """The vocabulary, and the corpus as one array of word ids with the sentence each id belongs to."""

    def __init__(self, sentences):
        counts = collections.Counter(word for sentence in sentences for word in sentence)
        self.words = [w for w, c in counts.most_common() if c >= MIN_COUNT]
        index = {w: i for i, w in enumerate(self.words)}
        self.freq = np.array([counts[w] for w in self.words], dtype=np.float64)
        self.ids = np.array([index[w] for s in sentences for w in s if w in index])
        self.sentence_of = np.repeat(np.arange(len(sentences)), [sum(w in index for w in s) for s in sentences])
        # Subsampling as in word2vec: an occurrence of a word of relative frequency f is kept with this probability.
        f = self.freq[self.ids] / self.freq.sum()
        self.keep = np.minimum(1.0, np.sqrt(SAMPLE / f) + SAMPLE / f)
        # Negative words are drawn from the unigram distribution raised to the power 3/4.
        noise = self.freq**0.75 / (self.freq**0.75).sum()
        self.noise_table = np.repeat(np.arange(len(self.words), dtype=np.int32), np.round(noise * 1e7).astype(int))


def epoch_examples(corpus, rng, noise: int = NEGATIVES):
    """One epoch as arrays, one row per target word kept by subsampling, in corpus order as word2vec reads it.

    Each row holds the target's context words (up to WINDOW on each side, within its sentence) and ``noise`` noise
    words, so the target's vector is looked up once for all its pairs. The weights say which slots are real pairs:
    0 for an empty slot, 1 for a context word, and for each noise word its share of the NEGATIVES noise words that
    word2vec draws for every pair: the number of context words times NEGATIVES / noise.
    """
    kept = rng.random(len(corpus.ids)) < corpus.keep
    ids, sentence = corpus.ids[kept], corpus.sentence_of[kept]
    # Each target draws its own window size in 1..WINDOW, so near words are used more often than far ones.
    reach = rng.integers(1, WINDOW + 1, size=len(ids))
    slots = np.zeros((len(ids), 2 * WINDOW + noise), dtype=np.int32)
    weights = np.zeros(slots.shape, dtype=np.float32)
    for offset in range(1, WINDOW + 1):
        after = (sentence[:-offset] == sentence[offset:]) & (reach[:-offset] >= offset)  # word i+offset for word i
        before = (sentence[offset:] == sentence[:-offset]) & (reach[offset:] >= offset)  # word i-offset for word i
        slots[:-offset, 2 * offset - 2], weights[:-offset, 2 * offset - 2] = ids[offset:] * after, after
        slots[offset:, 2 * offset - 1], weights[offset:, 2 * offset - 1] = ids[:-offset] * before, before
    # Noise words: uniform draws from a table in which each word fills a share of places equal to its noise
    # probability (word2vec's own trick; much faster than sampling from the probabilities each time).
    slots[:, 2 * WINDOW :] = corpus.noise_table[rng.integers(len(corpus.noise_table), size=(len(ids), noise))]
    pairs = weights[:, : 2 * WINDOW].sum(axis=1)
    weights[:, 2 * WINDOW :] = pairs[:, None] * NEGATIVES / noise
    return [ids, slots], weights, int(pairs.sum())


def build_model(vocab_size: int, noise: int = NEGATIVES) -> keras.Model:
    target_in = keras.Input(shape=(), dtype="int32")
    context_in = keras.Input(shape=(2 * WINDOW + noise,), dtype="int32")  # context words, then noise words
    # Initialised as word2vec does: small random target vectors, zero context vectors.
    start = keras.initializers.RandomUniform(-0.5 / DIM, 0.5 / DIM)
    w = keras.layers.Embedding(vocab_size, DIM, start, name="target_table")(target_in)  # (batch, DIM)
    c = keras.layers.Embedding(vocab_size, DIM, "zeros", name="context_table")(context_in)  # (batch, slots, DIM)
    logits = keras.layers.Dot(axes=(1, 2))([w, c])  # (batch, slots): one dot product per (target, word) pair
    return SkipGram([target_in, context_in], logits)


class SkipGram(keras.Model):
    """The model above with its own training step. Keras's step trains one batch per call into the compiled function,
    and a call costs about as much as training a batch of this small model; here fit hands over BATCHES_PER_CALL
    batches at a time and the step trains them one after another, each with its own gradient and SGD update."""

    def train_step(self, data):
        (target, slots), weights = data  # fit's y holds the slot weights; the labels follow from the slot order
        target, slots, weights = (keras.ops.reshape(a, (BATCHES_PER_CALL, -1, *a.shape[1:]))
                                  for a in (target, slots, weights))
        labels = keras.ops.cast(keras.ops.arange(slots.shape[-1]) < 2 * WINDOW, "float32")  # 1 context, 0 noise

        def one_batch(i, _):
            with tf.GradientTape() as tape:
                loss = self.compute_loss(y=keras.ops.broadcast_to(labels, weights[i].shape),
                                         y_pred=self([target[i], slots[i]], training=True), sample_weight=weights[i])
            # The gradient of a lookup holds only the rows the batch used, so SGD updates only those rows.
            self.optimizer.apply(tape.gradient(loss, self.trainable_variables), self.trainable_variables)
            self.metrics[0].update_state(loss)  # Keras's loss tracker: fit reports its mean over the batches
            return i

        keras.ops.fori_loop(0, BATCHES_PER_CALL, one_batch, 0)
        return {m.name: m.result() for m in self.metrics}


class NegativeSamplingLoss(keras.losses.Loss):
    def call(self, labels, logits):
        """Per slot: -log sigmoid(w.c) for a context word (label 1), -log sigmoid(-w.c) for a noise word (label 0)."""
        return keras.ops.binary_crossentropy(labels, logits, from_logits=True)


def train(corpus: Corpus, epochs: int = EPOCHS, seed: int = 0, batch: int = BATCH, noise: int = NEGATIVES,
          log=print) -> np.ndarray:
    """Train on the corpus and return the target table (one row per word of corpus.words). ``noise`` noise words
    per target word stand in for the NEGATIVES per (target, context) pair that word2vec draws."""
    if keras.backend.backend() != "tensorflow":
        sys.exit("error: this training step is written for TensorFlow: run with KERAS_BACKEND=tensorflow")
    rng = np.random.default_rng(seed)
    keras.utils.set_random_seed(seed)
    model = build_model(len(corpus.words), noise)
    # Summed over a batch and minimised by plain SGD whose rate falls linearly from 0.025, as in word2vec.
    steps = epochs * int(np.ceil(corpus.keep.sum() / batch))  # expected number of batches
    model.compile(
        optimizer=keras.optimizers.SGD(keras.optimizers.schedules.PolynomialDecay(0.025, steps, 0.0001)),
        loss=NegativeSamplingLoss(reduction="sum"),
        jit_compile=True,
    )
    # The next epoch's examples are built on a second thread while the model trains on the current ones.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        upcoming = pool.submit(epoch_examples, corpus, rng, noise)
        for epoch in range(epochs):
            x, weights, pairs = upcoming.result()
            if epoch + 1 < epochs:
                upcoming = pool.submit(epoch_examples, corpus, rng, noise)
            # Padded with weight-0 rows to whole calls of the step: a shorter last call would make Keras compile
            # the step again, for every epoch (each epoch keeps a different number of targets).
            pad = -len(weights) % (batch * BATCHES_PER_CALL)
            x = [np.concatenate([a, np.zeros((pad, *a.shape[1:]), a.dtype)]) for a in x]
            weights = np.concatenate([weights, np.zeros((pad, weights.shape[1]), weights.dtype)])
            history = model.fit(x, weights, batch_size=batch * BATCHES_PER_CALL, shuffle=False, verbose=0)
            log(f"epoch {epoch + 1}: {pairs:,} pairs, loss {history.history['loss'][0]:.1f}")
    return model.get_layer("target_table").get_weights()[0]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", action="store_true", help="train on the first 5,000 sentences")
    args = parser.parse_args()

    sentences = brown_sentences()[: 5000 if args.small else None]
    corpus = Corpus(sentences)
    print(f"{sum(map(len, sentences)):,} tokens, vocabulary of {len(corpus.words):,} words")
    vectors = KeyedVectors(DIM)  # gensim's container, used here only for its nearest-neighbour search
    vectors.add_vectors(corpus.words, train(corpus))
    for probe in PROBES:
        if probe in vectors:
            print(f"{probe:>10}: " + ", ".join(w for w, _ in vectors.most_similar(probe, topn=6)))
