"""Exercise: train word2vec on the Brown corpus with a window of 2 and of 10. Whose neighbours more often share the
probe's part of speech?

The Brown corpus comes with a part-of-speech tag on every word; each word's most common tag (noun, verb, adjective,
adverb or other) is used as its part of speech. The settings are the page's, with 50 dimensions and 2 passes to keep
the run short.
"""

import collections
import sys
import zipfile

import nltk
import numpy as np
from gensim.models import Word2Vec

COARSE = {"NN": "noun", "NP": "noun", "VB": "verb", "JJ": "adjective", "RB": "adverb"}  # Brown tags' first letters


def tagged_brown() -> list[list[tuple[str, str]]]:
    """The Brown corpus as (lowercase word, coarse part of speech) pairs, one list per sentence. NLTK reads it from
    its data folders (or the folder that NLTK_DATA names) and downloads it there on first use."""
    try:
        nltk.data.find("corpora/brown.zip")
    except LookupError:
        nltk.download("brown", quiet=True)  # prints why, if it cannot
    except zipfile.BadZipFile:
        pass  # a damaged file: reported when it is read below
    try:
        sentences = [[(w.lower(), COARSE.get(tag[:2], "other")) for w, tag in s if w.isalpha()]
                     for s in nltk.corpus.brown.tagged_sents()]
    except (LookupError, OSError, zipfile.BadZipFile) as error:
        sys.exit(f"error: cannot read NLTK's Brown corpus ({type(error).__name__}); run "
                 "`python -m nltk.downloader brown`, or set NLTK_DATA to a folder holding corpora/brown.zip")
    return [s for s in sentences if s]


tagged = tagged_brown()
tags = collections.defaultdict(collections.Counter)
for sentence in tagged:
    for word, tag in sentence:
        tags[word][tag] += 1
part_of_speech = {word: counter.most_common(1)[0][0] for word, counter in tags.items()}
sentences = [[word for word, _ in sentence] for sentence in tagged]

for window in (2, 10):
    model = Word2Vec(sentences, sg=1, vector_size=50, window=window, negative=5, min_count=5, sample=1e-3,
                     epochs=2, workers=1, seed=0)
    wv = model.wv
    # The 300 most frequent nouns, verbs and adjectives, and the share of their 10 neighbours of the same kind.
    probes = [w for w in wv.index_to_key if part_of_speech[w] in ("noun", "verb", "adjective")][:300]
    same = np.mean([[part_of_speech[n] == part_of_speech[p] for n, _ in wv.most_similar(p, topn=10)]
                    for p in probes])
    print(f"window {window}: {same:.1%} of the probes' 10 nearest neighbours share their part of speech")
    for probe in ("week", "good"):
        print(f"  {probe:>4}: " + ", ".join(w for w, _ in wv.most_similar(probe, topn=6)))
