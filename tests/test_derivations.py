"""The derivations page: GloVe's ratios of co-occurrence probabilities, SGNS against shifted PMI, and what the full
softmax, hierarchical softmax and negative sampling compute per update. Each test checks what the page says."""

import math
import re
import runpy

import numpy as np

from embedlab.data.corpus import nltk_sentences
from embedlab.lab.vectors import cooccurrence
from embedlab.store import ROOT

NUMBER = r"-?[\d,]+\.?\d*"


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _table(out: str, first: str, columns: int) -> dict[str, list[float]]:
    """Rows of a printed table whose label is `first` words long, followed by `columns` numbers (% signs dropped)."""
    label = r"\S+(?: \S+)*" if first == "any" else r"\S+"
    rows = re.findall(rf"^\s*({label})((?:\s+{NUMBER}%?){{{columns}}})$", out, re.MULTILINE)
    return {name: [_number(x.rstrip("%")) for x in values.split()] for name, values in rows}


# GloVe's ratios -----------------------------------------------------------------------------------------------------

def _ratios(out: str) -> dict[tuple[str, str, str], float]:
    rows = re.findall(rf"^\s*(\w+)\s+(\w+)\s+(\w+)((?:\s+{NUMBER}){{5}})$", out, re.MULTILINE)
    ratios = {(i, j, k): _number(values.split()[-1]) for i, j, k, values in rows}
    assert len(ratios) >= 10, out
    return ratios


def test_glove_ratios_point_the_way_the_page_reads_them(run_snippet, recorded_output):
    out = run_snippet("derivations/glove_ratios.py")
    assert out == recorded_output("derivations/glove_ratios.py")  # counts: the same on every run
    ratio = _ratios(out)
    # Contexts that go with i rather than j, with j rather than i, and with both alike (the page names each).
    for probe in [("he", "she", "his"), ("he", "she", "man"), ("husband", "wife", "her"), ("day", "night", "next")]:
        assert ratio[probe] > 2, probe
    for probe in [("he", "she", "her"), ("he", "she", "woman"), ("husband", "wife", "his"), ("day", "night", "last"),
                  ("day", "night", "at")]:
        assert ratio[probe] < 0.5, probe
    for probe in [("he", "she", "could"), ("husband", "wife", "who"), ("day", "night", "the")]:
        assert 0.8 < ratio[probe] < 1.25, probe
    # ... "even where their raw probabilities are large": "the" has the largest P(k|i) and P(k|j) of the day/night
    # rows, and its ratio is the one near 1.
    rows = re.findall(rf"^\s*day\s+night\s+(\w+)((?:\s+{NUMBER}){{5}})$", out, re.MULTILINE)
    probabilities = {k: [_number(x) for x in values.split()[2:4]] for k, values in rows}
    assert all(probabilities["the"][0] > p_i and probabilities["the"][1] > p_j
               for k, (p_i, p_j) in probabilities.items() if k != "the")
    # The lists chosen by the data agree with the hand-picked contexts.
    extremes = dict(re.findall(r"^\s*(\w+/\w+, (?:above|below) 1): (.+)$", out, re.MULTILINE))
    assert "his" in extremes["he/she, above 1"] and "her" in extremes["he/she, below 1"]
    assert extremes["husband/wife, above 1"].startswith("her,") and extremes["husband/wife, below 1"].startswith("his,")
    assert extremes["day/night, below 1"].startswith("last,")


def test_glove_ratios_weights_sit_between_equal_weights_and_weights_by_count(run_snippet, recorded_output):
    bands = _table(recorded_output("derivations/glove_ratios.py"), "any", 3)  # cells, co-occurrences, weight f
    assert list(bands) == ["under 1", "1 to 10", "10 to 100", "100 or more"]
    cells, cooccurrences, weight = bands["under 1"]
    assert cells > 50 and cooccurrences < 25 and cooccurrences < weight < cells  # most cells, a small share
    cells, cooccurrences, weight = bands["100 or more"]
    assert cooccurrences > 15 and weight < 5 and cells < weight  # a large share of co-occurrences, little weight
    assert math.isclose(sum(b[0] for b in bands.values()), 100, abs_tol=0.3)


def test_glove_ratios_count_as_the_glove_page_does():
    """The page says the counts are the GloVe page's: they are the lab's, as test_glove checks for that snippet."""
    snippet = runpy.run_path(str(ROOT / "snippets" / "derivations" / "glove_ratios.py"), run_name="glove_ratios")
    sentences = nltk_sentences("brown")[:2000]
    words, X = snippet["cooccurrence"](sentences)
    lab = cooccurrence(sentences, words, snippet["WINDOW"])
    X = X.tocoo()
    assert X.nnz > 10_000 and (X.row == lab.row).all() and (X.col == lab.col).all()
    np.testing.assert_allclose(X.data, lab.data, rtol=1e-12)


# SGNS and shifted PMI -----------------------------------------------------------------------------------------------

def _check_sgns(out: str) -> None:
    """What the page reads off the output."""
    assert "100 dimensions, window 5, k = 5 noise words, 5 passes" in out
    assert "trained on 20 times or more per pass" in out
    frequent = _table(out, "any", 4)  # Pearson, Spearman, slope, mean of w.c - target
    plain, smoothed = frequent["PMI - log k"], frequent["smoothed PMI - log k"]
    assert smoothed[0] > 0.6 and plain[0] > 0.3  # clearly positive
    assert smoothed[0] > plain[0] and smoothed[1] > plain[1]  # gensim's own noise distribution fits better
    assert 0.8 < smoothed[2] < 1.2 and abs(smoothed[3]) < 0.5  # slope near 1, offset near 0
    assert plain[2] < smoothed[2]  # a flatter slope
    bands = {name: values for name, values in _table(out, "any", 3).items()
             if name in ("under 1", "1 to 5", "5 to 20", "20 or more")}  # pairs, Pearson, mean of w.c - target
    correlations = [bands[name][1] for name in ("under 1", "1 to 5", "5 to 20", "20 or more")]
    assert correlations == sorted(correlations)  # grows with the count
    assert abs(bands["under 1"][1]) < 0.1 and bands["under 1"][2] < -1  # near zero; well below the target
    mean, low, high = map(_number, re.search(
        rf"w\.c mean ({NUMBER}), 1st to 99th percentile ({NUMBER}) to ({NUMBER})", out).groups())
    assert -5 < low < mean < high < 0  # finite and negative where PMI is minus infinity


def test_sgns_dot_products_follow_shifted_pmi_on_frequent_pairs(run_snippet, recorded_output):
    _check_sgns(run_snippet("derivations/sgns_pmi.py"))
    _check_sgns(recorded_output("derivations/sgns_pmi.py"))


# Full softmax, hierarchical softmax, negative sampling --------------------------------------------------------------

def _costs(out: str) -> dict[str, list[float]]:
    rows = _table(out, "any", 3)  # dot products, output rows changed, microseconds
    return {name: rows[name] for name in ("full softmax", "hierarchical softmax", "negative sampling")}


def test_softmax_costs_per_update(run_snippet, recorded_output):
    out = run_snippet("derivations/softmax_costs.py")
    V = int(_number(re.search(r"vocabulary V = ([\d,]+) words", out).group(1)))
    k = int(re.search(r"k = (\d+) noise words", out).group(1))
    log2_v, mean_vocabulary = map(float, re.search(r"log2 V = ([\d.]+); mean path ([\d.]+)", out).groups())
    mean_text = float(re.search(r"([\d.]+) over the words of the running text", out).group(1))
    assert math.isclose(log2_v, math.log2(V), abs_tol=0.05)
    assert mean_vocabulary > log2_v > mean_text  # rare words sit deep; the running text is mostly frequent words
    cost = _costs(out)
    full, tree, negative = cost["full softmax"], cost["hierarchical softmax"], cost["negative sampling"]
    assert full[0] == V and tree[0] < log2_v and negative[0] == k + 1
    assert full[0] > tree[0] > negative[0]  # the ordering the page states
    assert all(dots == rows for dots, rows, _ in cost.values())  # an update changes the rows it scores
    assert full[2] > 30 * max(tree[2], negative[2])  # however loaded the machine, far slower
    sums = dict(re.findall(rf"^\s*(full softmax|hierarchical softmax|negative sampling),.*?({NUMBER})$", out, re.M))
    assert _number(sums["full softmax"]) == 1 and _number(sums["hierarchical softmax"]) == 1
    assert 0.4 * V < _number(sums["negative sampling"]) < 0.6 * V  # about V/2

    # What the page reads off the output it shows: over a hundred times as long as either, far less than the ratio
    # of dot products; the two cheap updates close in time and not in proportion to their dot products.
    recorded = _costs(recorded_output("derivations/softmax_costs.py"))
    full, tree, negative = recorded["full softmax"], recorded["hierarchical softmax"], recorded["negative sampling"]
    assert 100 * max(tree[2], negative[2]) < full[2] < full[0] / tree[0] * tree[2] / 2
    assert max(tree[2], negative[2]) < 2 * min(tree[2], negative[2])
    assert tree[2] / negative[2] < tree[0] / negative[0]
