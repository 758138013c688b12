"""The GloVe page: the Keras GloVe model, run on a small slice of the corpus."""

import re


def test_glove_keras_trains(run_snippet):
    out = run_snippet("glove/glove_keras.py", "--small")
    first, last = map(float, re.search(r"epoch 1 (\S+), epoch \d+ (\S+)", out).groups())
    assert last < first
    assert re.search(r"([\d,]+) non-zero co-occurrence counts", out)
