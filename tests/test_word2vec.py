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


# The exercises at the end of the page: each solution's claim, checked on what the solution prints.


def test_exercise_loss_by_hand(run_snippet, recorded_output):
    """The loss and gradients by hand equal Keras's; at word2vec's start (context table all zeros) the loss is
    (1 + k) log 2 and the first step moves the context rows only."""
    out = run_snippet("word2vec/exercise_loss_by_hand.py")
    random_tables, zero_start = out.split("context table all zeros")
    for part in (random_tables, zero_start):
        by_hand, keras_loss = re.search(r"loss by hand (\S+), Keras (\S+)", part).groups()
        assert by_hand == keras_loss
        grad_hand = re.search(r"target row by hand \[(.*?)\]", part).group(1)
        grad_keras = re.search(r"target row, Keras +\[(.*?)\]", part).group(1)
        assert [float(g) for g in grad_hand.split()] == [float(g) for g in grad_keras.split()]
        assert "context rows' gradients by hand and Keras agree: True" in part
    assert "rows that the step moved: target table [0]  context table [1 2 3]" in random_tables
    assert "rows that the step moved: target table []  context table [1 2 3]" in zero_start
    start_loss = re.search(r"loss by hand ([\d.]+),", zero_start).group(1)
    assert f"(1 + k) log 2 with k = 2: {start_loss}" in out
    assert out == recorded_output("word2vec/exercise_loss_by_hand.py")


def test_exercise_subsampling(run_snippet, recorded_output):
    """With threshold 1e-3, "the" keeps about one occurrence in eight; only words above 0.262% of the running
    text are thinned, a few dozen words that make up about 40% of the corpus; an epoch keeps about three quarters."""
    out = run_snippet("word2vec/exercise_subsampling.py")
    kept = {w: float(p) for w, p in re.findall(r"^\s*(\w+): frequency \S+, kept ([\d.]+)%", out, re.MULTILINE)}
    assert 10 < kept["the"] < 15 and kept["money"] == kept["time"] == 100.0
    thinned = int(re.search(r"0\.00262 \([\d,]+ occurrences\), (\d+) of", out).group(1))
    assert 20 < thinned < 80
    share = float(re.search(r"those \d+ words are ([\d.]+)%", out).group(1))
    left = float(re.search(r"an epoch keeps ([\d.]+)%", out).group(1))
    assert 40 < share < 50 and 70 < left < 80
    assert out == recorded_output("word2vec/exercise_subsampling.py")


def test_exercise_window(run_snippet, recorded_output):
    """With a window of 2 more of a probe's neighbours share its part of speech than with a window of 10."""
    out = run_snippet("word2vec/exercise_window.py")
    shares = {int(w): float(s) for w, s in re.findall(r"window (\d+): ([\d.]+)% of the probes", out)}
    assert shares[2] > shares[10] + 10  # percentage points
    assert out == recorded_output("word2vec/exercise_window.py")
