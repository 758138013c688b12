"""gensim's FastText on the Brown corpus, a vector for a word it never saw, and that vector rebuilt with Keras.

A fastText word vector is the average of the rows of an n-gram table picked out by hashing the word's character
n-grams, plus the word's own row when the word is in the vocabulary. A Keras Embedding holding the n-gram table,
followed by average pooling, computes exactly that.
Run with --small to train on the first 5,000 sentences only (what the tests do).
"""

import argparse

import keras
import numpy as np
from gensim.models import FastText
from gensim.models.fasttext import ft_ngram_hashes

from embedlab.data.corpus import nltk_sentences
from embedlab.data.files import report_data_errors

report_data_errors()  # a missing or corrupt data file: one line saying which, and how to get it

parser = argparse.ArgumentParser()
parser.add_argument("--small", action="store_true", help="train on the first 5,000 sentences")
args = parser.parse_args()

sentences = nltk_sentences("brown")[: 5000 if args.small else None]
model = FastText(
    sentences, sg=1, vector_size=100, window=5, negative=5, min_count=5, sample=1e-3, epochs=3,
    min_n=3, max_n=6, bucket=200_000,  # n-grams are hashed into 200,000 shared rows
    workers=1, seed=0,
)
wv = model.wv
print(f"vocabulary of {len(wv):,} words; word table {wv.vectors_vocab.shape}, n-gram table {wv.vectors_ngrams.shape}")
for probe in ["money", "president", "water", "good"]:
    print(f"{probe:>10}: " + ", ".join(w for w, _ in wv.most_similar(probe, topn=6)))

unseen = "presidentially"  # never occurs in the Brown corpus
print(f"'{unseen}' in the vocabulary: {unseen in wv.key_to_index}")
print(f"nearest words to '{unseen}': " + ", ".join(w for w, _ in wv.most_similar(unseen, topn=6)))

# The same vector from a Keras Embedding that holds gensim's n-gram table: look up the hashed rows, then average.
rows = np.array([ft_ngram_hashes(unseen, 3, 6, model.wv.bucket)])
ngram_table = keras.layers.Embedding(*wv.vectors_ngrams.shape, weights=[wv.vectors_ngrams])
rebuilt = keras.ops.convert_to_numpy(keras.ops.mean(ngram_table(rows), axis=1))[0]
same = np.allclose(rebuilt, wv[unseen], atol=1e-6)
print(f"{rows.shape[1]} n-gram rows; Keras average equals gensim's vector: {same}")
