"""The GloVe page: the Keras GloVe model, run on a small slice of the corpus; its co-occurrence counts are the
lab's (embedlab.lab.vectors), with which the experiments train GloVe."""

import collections
import importlib.util
import json
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
    sentences = snippet["brown_sentences"]()[:5000]
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


def _backends_script():
    spec = importlib.util.spec_from_file_location("glove_backends", ROOT / "benchmarks" / "glove_backends.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_backend_comparison_comes_from_the_current_code():
    recorded = json.loads((ROOT / "docs" / "results" / "glove_backends.json").read_text())
    assert recorded["stamp"] == _backends_script().stamp(), (
        "glove_backends.json is stale: rerun `python benchmarks/glove_backends.py --seeds 3`")


def test_backend_comparison_supports_what_the_page_says(recorded_output):
    """The GloVe page: the runs are of the snippet's own settings on the counts its output shows, and JAX's AdaGrad
    sums for the frequent words end larger than TensorFlow's in every seed."""
    r = json.loads((ROOT / "docs" / "results" / "glove_backends.json").read_text())
    snippet = runpy.run_path(str(SNIPPET), run_name="glove_keras")
    cells = int(re.search(r"([\d,]+) non-zero", recorded_output("glove/glove_keras.py")).group(1).replace(",", ""))
    for runs in r["runs"].values():
        assert set(runs["cells"]) == {cells} and set(runs["batch"]) == {snippet["BATCH"]}
        assert set(runs["epochs"]) == {snippet["EPOCHS"]} and len(runs["wordsim353"]) == r["seeds"]
    tf, jax = r["runs"]["TensorFlow"], r["runs"]["JAX"]
    assert all(j > t for j, t in zip(jax["accumulator_frequent"], tf["accumulator_frequent"]))


# The exercises at the end of the page: each solution's claim, checked on what the solution prints.


def test_exercise_weights(run_snippet, recorded_output):
    out = run_snippet("glove/exercise_weights.py")
    f = {float(x): float(v) for x, v in re.findall(r"f\(([\d.]+)\) = ([\d.]+)", out)}
    assert f[1] == round(0.01**0.75, 4) and f[10] == round(0.1**0.75, 4) and f[100] == f[1000] == 1.0
    assert f[0.1] < 0.01  # a pair seen once, ten words apart, hardly counts
    assert out == recorded_output("glove/exercise_weights.py")


def _cell_groups(out: str) -> dict[str, tuple[float, float]]:
    rows = re.findall(r"^(below 1|1 to 10|10 to 100|100 or more)\s+[\d,]+\s+([\d.]+)%\s+([\d.]+)%$", out, re.M)
    return {name: (float(cells), float(weight)) for name, cells, weight in rows}


def test_exercise_brown_cells(run_snippet, recorded_output):
    """Most cells are below 1 and, though each weighs little, together they carry about a third of the weight; the
    cells that reach x_max are about one in a thousand and carry a few per cent."""
    out = run_snippet("glove/exercise_brown_cells.py")
    groups = _cell_groups(out)
    assert len(groups) == 4 and abs(sum(c for c, _ in groups.values()) - 100) < 0.5
    assert groups["below 1"][0] > 70 and 25 < groups["below 1"][1] < 50
    assert groups["below 1"][1] > groups["10 to 100"][1] + groups["100 or more"][1]
    assert groups["100 or more"][0] < 0.5 and groups["100 or more"][1] < 10
    assert "3,343,345 non-zero cells" in out  # the counts of the GloVe snippet's recorded output
    assert out == recorded_output("glove/exercise_brown_cells.py")


def test_exercise_biases_only(run_snippet, recorded_output):
    """Two biases per word remove most of the weighted error of a single constant and follow the log of the word's
    count; the worst-fitted cells are fixed pairs of words."""
    out = run_snippet("glove/exercise_biases_only.py")
    less = int(re.search(r"\((\d+)% less\)", out).group(1))
    assert 50 < less < 90
    assert float(re.search(r"log of its count: (\S+)", out).group(1)) > 0.9
    pairs = re.findall(r"\((\w+), (\w+)\) \+", out)
    assert len(pairs) == 8 and {"united", "states"} in [set(p) for p in pairs]
    assert out == recorded_output("glove/exercise_biases_only.py")
