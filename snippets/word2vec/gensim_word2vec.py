"""gensim's Word2Vec, skip-gram with negative sampling, on the same Brown corpus and settings as the Keras model.

Run with --small to train on the first 5,000 sentences only (what the tests do).
"""

import argparse

from gensim.models import Word2Vec

from embedlab.data.corpus import nltk_sentences
from embedlab.data.files import report_data_errors

report_data_errors()  # a missing or corrupt data file: one line saying which, and how to get it

parser = argparse.ArgumentParser()
parser.add_argument("--small", action="store_true", help="train on the first 5,000 sentences")
args = parser.parse_args()

sentences = nltk_sentences("brown")[: 5000 if args.small else None]
model = Word2Vec(
    sentences, sg=1, vector_size=100, window=5, negative=5, min_count=5, sample=1e-3, epochs=3,
    workers=1, seed=0,  # one worker thread: with more, the result depends on thread timing
)
print(f"vocabulary of {len(model.wv):,} words; tables: {model.wv.vectors.shape} and {model.syn1neg.shape}")
for probe in ["money", "church", "president", "water", "good", "week"]:
    if probe in model.wv:
        print(f"{probe:>10}: " + ", ".join(w for w, _ in model.wv.most_similar(probe, topn=6)))
