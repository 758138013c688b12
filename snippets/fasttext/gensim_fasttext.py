"""gensim's FastText on the Brown corpus, a vector for a word it never saw, and that vector rebuilt with Keras.

A fastText word vector is the average of the rows of an n-gram table picked out by hashing the word's character
n-grams, plus the word's own row when the word is in the vocabulary. A Keras Embedding holding the n-gram table,
followed by average pooling, computes exactly that.
Run with --small to train on the first 5,000 sentences only (what the tests do).
"""

import argparse
import sys
import zipfile

import keras
import nltk
import numpy as np
from gensim.models import FastText
from gensim.models.fasttext import ft_ngram_hashes


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

parser = argparse.ArgumentParser()
parser.add_argument("--small", action="store_true", help="train on the first 5,000 sentences")
args = parser.parse_args()

sentences = brown_sentences()[: 5000 if args.small else None]
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
print(f"nearest words to '{unseen}':", ", ".join(w for w, _ in wv.most_similar(unseen, topn=6)), sep="\n  ")

# The same vector from a Keras Embedding that holds gensim's n-gram table: look up the hashed rows, then average.
rows = np.array([ft_ngram_hashes(unseen, 3, 6, model.wv.bucket)])
ngram_table = keras.layers.Embedding(*wv.vectors_ngrams.shape, weights=[wv.vectors_ngrams])
rebuilt = keras.ops.convert_to_numpy(keras.ops.mean(ngram_table(rows), axis=1))[0]
same = np.allclose(rebuilt, wv[unseen], atol=1e-6)
print(f"{rows.shape[1]} n-gram rows; Keras average equals gensim's vector: {same}")
