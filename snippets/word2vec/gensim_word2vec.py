"""gensim's Word2Vec, skip-gram with negative sampling, on the same Brown corpus and settings as the Keras model.

Run with --small to train on the first 5,000 sentences only (what the tests do).
"""

import argparse
import sys
import zipfile

import nltk
from gensim.models import Word2Vec


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
model = Word2Vec(
    sentences, sg=1, vector_size=100, window=5, negative=5, min_count=5, sample=1e-3, epochs=3,
    workers=1, seed=0,  # one worker thread: with more, the result depends on thread timing
)
print(f"vocabulary of {len(model.wv):,} words; tables: {model.wv.vectors.shape} and {model.syn1neg.shape}")
for probe in ["money", "church", "president", "water", "good", "week"]:
    if probe in model.wv:
        print(f"{probe:>10}: " + ", ".join(w for w, _ in model.wv.most_similar(probe, topn=6)))
