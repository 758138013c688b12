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
# # word2vec in Keras next to gensim
#
# word2vec's skip-gram with negative sampling (SGNS) needs nothing more than two `Embedding` tables and a dot product.
# This walkthrough builds the training pairs step by step, trains that model with Keras, trains gensim's `Word2Vec`
# on the same corpus with the same settings, and compares the two sets of vectors.
#
# The corpus is the Brown corpus from NLTK (about a million words). NLTK reads it from its data folders (or the folder
# that `NLTK_DATA` names) and downloads it there on first use.

# %%
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # keep TensorFlow's start-up messages out of the outputs

import collections

import keras
import nltk
import numpy as np
from gensim.models import KeyedVectors, Word2Vec
from gensim.test.utils import datapath

DIM, WINDOW, NEGATIVES, MIN_COUNT, SAMPLE, EPOCHS = 100, 5, 5, 5, 1e-3, 2
try:
    nltk.data.find("corpora/brown.zip")
except LookupError:
    nltk.download("brown", quiet=True)
# Lowercase words only, one list per sentence.
sentences = [s for s in ([w.lower() for w in s if w.isalpha()] for s in nltk.corpus.brown.sents()) if s]
print(f"{len(sentences):,} sentences, {sum(map(len, sentences)):,} tokens")
print(sentences[1][:12])

# %% [markdown]
# ## Training pairs
#
# Skip-gram turns text into (target, context) pairs: every word within a window around the target. On one short
# sentence, with a window of 2:

# %%
example = sentences[1][:6]
for i, target in enumerate(example):
    print(f"{target:>12} -> {[example[j] for j in range(max(0, i - 2), min(len(example), i + 3)) if j != i]}")

# %% [markdown]
# For the whole corpus the pairs are built with array operations. Two details of word2vec are kept: frequent words
# are randomly dropped (*subsampling*), and each target draws its own window size between 1 and 5, so near words count
# more than far ones. Pairs never cross a sentence boundary.

# %%
counts = collections.Counter(word for sentence in sentences for word in sentence)
words = [w for w, c in counts.most_common() if c >= MIN_COUNT]
index = {w: i for i, w in enumerate(words)}
freq = np.array([counts[w] for w in words], dtype=np.float64)
ids = np.array([index[w] for s in sentences for w in s if w in index])
sentence_of = np.repeat(np.arange(len(sentences)), [sum(w in index for w in s) for s in sentences])
rng = np.random.default_rng(0)


def epoch_pairs():
    f = freq[ids] / freq.sum()
    kept = rng.random(len(ids)) < np.sqrt(SAMPLE / f) + SAMPLE / f
    kept_ids, sentence = ids[kept], sentence_of[kept]
    reach = rng.integers(1, WINDOW + 1, size=len(kept_ids))
    targets, contexts = [], []
    for offset in range(1, WINDOW + 1):
        for t, c in ((slice(None, -offset), slice(offset, None)), (slice(offset, None), slice(None, -offset))):
            ok = (sentence[t] == sentence[c]) & (reach[t] >= offset)
            targets.append(kept_ids[t][ok])
            contexts.append(kept_ids[c][ok])
    return np.concatenate(targets), np.concatenate(contexts)


targets, contexts = epoch_pairs()
print(f"vocabulary of {len(words):,} words; one epoch gives {len(targets):,} pairs, e.g.")
for t, c in zip(targets[:5], contexts[:5]):
    print(f"  ({words[t]}, {words[c]})")

# %% [markdown]
# ## Negative sampling
#
# Predicting the context word with a softmax over the whole vocabulary would cost a dot product per word. SGNS asks
# an easier question instead: is this (target, word) pair real, or noise? Each real pair is shown with 5 noise words
# drawn from the word frequencies raised to the power 3/4, which favours rare words a little.

# %%
noise = freq**0.75 / (freq**0.75).sum()
top = np.argsort(noise)[::-1][:6]
print("most likely noise words:", ", ".join(f"{words[i]} {noise[i]:.3f}" for i in top))
print("their share of the text:", ", ".join(f"{words[i]} {freq[i] / freq.sum():.3f}" for i in top))

# %% [markdown]
# ## The Keras model
#
# Two tables: one for words as targets, one for words as contexts. The logit of a pair is the dot product of the two
# rows; the loss is binary cross-entropy with label 1 for the real context word and 0 for each noise word. Summed over
# the batch and minimised by plain SGD with word2vec's rate, falling linearly from 0.025.

# %%
keras.utils.set_random_seed(0)
target_in = keras.Input(shape=(), dtype="int32")
context_in = keras.Input(shape=(1 + NEGATIVES,), dtype="int32")
start = keras.initializers.RandomUniform(-0.5 / DIM, 0.5 / DIM)  # word2vec's start: small target rows, zero contexts
w = keras.layers.Embedding(len(words), DIM, start, name="target_table")(target_in)
c = keras.layers.Embedding(len(words), DIM, "zeros", name="context_table")(context_in)
model = keras.Model([target_in, context_in], keras.layers.Dot(axes=(1, 2))([w, c]))


class PairLoss(keras.losses.Loss):
    def call(self, labels, logits):  # one real pair and its noise words: the sum of their cross-entropies
        return keras.ops.sum(keras.ops.binary_crossentropy(labels, logits, from_logits=True), axis=-1)


BATCH = 4096
steps = EPOCHS * int(np.ceil(1.05 * len(targets) / BATCH))
model.compile(optimizer=keras.optimizers.SGD(keras.optimizers.schedules.PolynomialDecay(0.025, steps, 0.0001)),
              loss=PairLoss(reduction="sum"), jit_compile=True)
print(f"{model.count_params():,} trainable numbers: two tables of {len(words):,} rows x {DIM}, nothing else")

# %%
labels = np.array([1.0] + [0.0] * NEGATIVES, dtype=np.float32)
for epoch in range(EPOCHS):
    if epoch:
        targets, contexts = epoch_pairs()
    negatives = rng.choice(len(words), size=(len(targets), NEGATIVES), p=noise)
    x = [targets, np.column_stack([contexts, negatives])]
    history = model.fit(x, np.tile(labels, (len(targets), 1)), batch_size=BATCH, verbose=0)
    print(f"epoch {epoch + 1}: {len(targets):,} pairs, loss per batch {history.history['loss'][0]:.1f}")
keras_vectors = KeyedVectors(DIM)
keras_vectors.add_vectors(words, model.get_layer("target_table").get_weights()[0])

# %% [markdown]
# ## gensim on the same corpus
#
# The same settings in gensim. One worker thread keeps the result reproducible: gensim 4 draws every starting
# vector from one generator seeded with `seed` (uniform between -1/100 and 1/100 for 100 dimensions, twice the range
# of word2vec's C code that the Keras model copies), and with several threads the order of the updates would vary.

# %%
gensim_model = Word2Vec(sentences, sg=1, vector_size=DIM, window=WINDOW, negative=NEGATIVES, min_count=MIN_COUNT,
                        sample=SAMPLE, epochs=EPOCHS, workers=1, seed=0)
gensim_vectors = gensim_model.wv
print(f"gensim: {len(gensim_vectors):,} words, the same vocabulary: {set(gensim_vectors.index_to_key) == set(words)}")

# %% [markdown]
# ## Comparing the two
#
# The vectors themselves cannot be compared coordinate by coordinate: each run picks its own axes. What can be
# compared is what they say about words: their nearest neighbours, and how well their similarities agree with human
# judgements (WordSim353 and SimLex-999, both shipped with gensim).

# %%
for probe in ["money", "church", "president", "water", "good", "week"]:
    k = [w for w, _ in keras_vectors.most_similar(probe, topn=10)]
    g = [w for w, _ in gensim_vectors.most_similar(probe, topn=10)]
    print(f"{probe:>10}  Keras: {', '.join(k[:5])}")
    print(f"{'':>10} gensim: {', '.join(g[:5])}   ({len(set(k) & set(g))} of 10 shared)")

# %%
for name, vectors in [("Keras SGNS", keras_vectors), ("gensim", gensim_vectors)]:
    wordsim = vectors.evaluate_word_pairs(datapath("wordsim353.tsv"))[1][0]
    simlex = vectors.evaluate_word_pairs(datapath("simlex999.txt"))[1][0]
    print(f"{name:>10}: WordSim353 Spearman {wordsim:.3f}, SimLex-999 Spearman {simlex:.3f}")

# %% [markdown]
# The two are the same algorithm trained on the same pairs distribution, with two differences: gensim updates the
# tables after every pair and draws fresh randomness, while Keras sums the gradients of a batch of pairs before each
# update. The neighbours overlap without being identical, and the quality scores are close; on a corpus this small
# both are modest. The [word2vec page](../../word2vec/) shows a faster way to lay out the same model, and
# [How fast is each method?](../../speed/) measures it against gensim.
