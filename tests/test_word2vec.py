"""The word2vec page: the Keras SGNS model and gensim's Word2Vec, run on a small slice of the corpus."""

import re

from embedlab.site.snippets import ROOT, run


def _neighbours(out: str) -> dict[str, list[str]]:
    """Each probe's neighbour list; fails when the output has none (an empty dict would pass any all())."""
    found = {probe: words.split(", ") for probe, words in re.findall(r"^\s*(\w+): (\w.*)$", out, re.MULTILINE)}
    assert len(found) >= 4, f"expected a neighbour line per probe word:\n{out}"
    return found


def test_sgns_keras_trains(run_snippet):
    out = run_snippet("word2vec/sgns_keras.py", "--small")
    losses = [float(x) for x in re.findall(r"loss (\S+)", out)]
    assert len(losses) == 3 and losses[-1] < losses[0]
    assert all(len(words) == 6 for words in _neighbours(out).values())


def test_sgns_keras_says_which_backend_it_needs():
    """Its training step is written with TensorFlow: under another backend it stops with a one-line error."""
    result = run(ROOT / "snippets" / "word2vec" / "sgns_keras.py", "--small", backend="jax")
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1].startswith("error: this training step is written for TensorFlow")


def test_sgns_plain_trains(run_snippet):
    out = run_snippet("word2vec/sgns_plain.py", "--small")
    losses = [float(x) for x in re.findall(r"loss (\S+)", out)]
    assert len(losses) == 2 and losses[-1] < losses[0]
    assert all(len(words) == 6 for words in _neighbours(out).values())


def test_gensim_word2vec_runs(run_snippet):
    out = run_snippet("word2vec/gensim_word2vec.py", "--small")
    assert re.search(r"tables: \((\d+), 100\) and \(\1, 100\)", out)  # one target and one context row per word
    assert all(len(words) == 6 for words in _neighbours(out).values())


def test_full_runs_agree(recorded_output):
    """The page says the two full-corpus runs give the same kind of neighbours: they share words for most probes
    (more than half of them; with 3 passes over a million words, top-6 lists are noisy)."""
    keras_nn = _neighbours(recorded_output("word2vec/sgns_keras.py"))
    gensim_nn = _neighbours(recorded_output("word2vec/gensim_word2vec.py"))
    shared = [probe for probe in keras_nn if set(keras_nn[probe]) & set(gensim_nn.get(probe, []))]
    assert len(shared) > len(keras_nn) / 2
