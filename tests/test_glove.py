"""The GloVe page: the Keras GloVe model, run on a small slice of the corpus; its co-occurrence counts are the
lab's (embedlab.lab.vectors), with which the experiments train GloVe."""

import collections
import re
import runpy

import numpy as np

from embedlab.data.corpus import nltk_sentences
from embedlab.lab.vectors import cooccurrence
from embedlab.store import ROOT

SNIPPET = ROOT / "snippets" / "glove" / "glove_keras.py"


def test_glove_keras_trains(run_snippet):
    out = run_snippet("glove/glove_keras.py", "--small")
    first, last = map(float, re.search(r"epoch 1 (\S+), epoch \d+ (\S+)", out).groups())
    assert last < first
    shown = re.search(r"of ([\d,]+) words, ([\d,]+) non-zero", out).groups()
    # The counts it prints are those of the lab's own implementation on the same 5,000 sentences.
    snippet = runpy.run_path(str(SNIPPET), run_name="glove_keras")
    sentences = nltk_sentences("brown")[:5000]
    counts = collections.Counter(w for s in sentences for w in s)
    words = [w for w, c in counts.most_common() if c >= snippet["MIN_COUNT"]]
    counted = cooccurrence(sentences, words, snippet["WINDOW"]).nnz
    assert [int(n.replace(",", "")) for n in shown] == [len(words), counted]
    neighbours = re.findall(r"^\s*\w+: (.+)$", out, re.MULTILINE)
    assert len(neighbours) >= 4 and all(len(line.split(", ")) == 6 for line in neighbours)


def test_snippet_and_lab_count_the_same_cooccurrences():
    snippet = runpy.run_path(str(SNIPPET), run_name="glove_keras")
    sentences = nltk_sentences("brown")[:2000]
    words, X = snippet["cooccurrence"](sentences)
    lab = cooccurrence(sentences, words, snippet["WINDOW"])
    assert X.nnz > 10_000
    assert (X.row == lab.row).all() and (X.col == lab.col).all()
    np.testing.assert_allclose(X.data, lab.data, rtol=1e-12)
