"""The dimension-and-corpus page: nested slices, one rand arm per dimension, the trends it states, and the findings
that say them."""

import numpy as np
import pytest

from embedlab.experiments import dimension as dm
from embedlab.site.findings import dimension as findings
from embedlab.site.findings import what_moved


def _word2vec(d: dict) -> dict:
    return {name: s for name, s in d["starts"].items() if s["source"] == "word2vec"}


def test_slices_are_nested_and_a_smaller_slice_covers_no_more_tokens(results):
    d = results["dimension"]
    by_dim = {}
    for s in _word2vec(d).values():
        by_dim.setdefault(s["dim"], []).append(s)
    for slices in by_dim.values():
        slices.sort(key=lambda s: s["tokens"])
        assert len(slices) == len(d["settings"]["fractions"])
        assert all(a["tokens"] < b["tokens"] for a, b in zip(slices, slices[1:]))
        assert all(a["token_coverage"] <= b["token_coverage"] for a, b in zip(slices, slices[1:]))
    tokens = {tuple(sorted(s["tokens"] for s in slices)) for slices in by_dim.values()}
    assert len(tokens) == 1  # every dimension is trained on the same slices


def test_every_gain_is_paired_with_the_rand_arm_of_its_own_dimension(results):
    d = results["dimension"]
    for s in d["starts"].values():
        rand = np.array(d["rand"][str(s["dim"])]["folds"])
        for a in s["arms"].values():
            assert a["gain_over_rand"]["mean"] == pytest.approx(np.mean(np.array(a["folds"]) - rand))


def test_the_corpus_trend_is_the_mean_of_the_folds_slopes(results):
    d = results["dimension"]
    for dim, trend in d["trends"]["corpus"].items():
        rand = np.array(d["rand"][dim]["folds"])
        gains = np.stack([np.array(d["starts"][n]["arms"]["static"]["folds"]) - rand for n in trend["slices"]])
        logs = np.log2([d["starts"][n]["tokens"] for n in trend["slices"]])
        slopes = [np.polyfit(logs, gains[:, f], 1)[0] for f in range(gains.shape[1])]
        assert trend["per_doubling"]["mean"] == pytest.approx(np.mean(slopes))


def test_the_pca_table_keeps_the_first_components_of_glove():
    from gensim.models import KeyedVectors

    rng = np.random.default_rng(0)
    full = KeyedVectors(6)
    full.add_vectors([f"w{i}" for i in range(200)], (rng.normal(size=(200, 6)) * [5, 3, 1, .1, .1, .1]).astype("f4"))
    reduced = dm.glove_pca(full, dim=2)
    assert reduced.vector_size == 2 and reduced.index_to_key == full.index_to_key
    kept = np.var(reduced.vectors, axis=0).sum() / np.var(full.vectors, axis=0).sum()
    assert kept > 0.95  # the two largest of six directions hold nearly all the spread


def test_full_whole_slice_is_the_sites_corpus_and_every_dimension_is_run(full):
    d = full["dimension"]
    assert max(s["tokens"] for s in _word2vec(d).values()) == full["two_spaces"]["corpus_tokens"]
    assert sorted(int(dim) for dim in d["rand"]) == sorted(dm.FULL["dims"])
    assert {s["dim"] for s in _word2vec(d).values()} == {50, 100, 300}


def test_findings_set_kims_gain_against_the_ten_fold_frozen_glove(results):
    """The Kim's-gain sentence uses the Kim's-protocol page's ten-fold interval for frozen GloVe 6B, not this page's
    three folds, and says what moved the frozen gain as what_moved says."""
    d = results["dimension"]
    said = " ".join(findings(results))
    ten = results["kim_protocol"]["tasks"]["polarity"]["arms"]["static"]["versus_rand"]
    kim = d["published"]["static"] - d["published"]["rand"]
    short = f"falls {100 * (kim - ten['high']):.1f} points short of his"
    assert (short if ten["high"] < kim else "reaches his") in said
    assert {"text": "point to the text behind his vectors", "dimension": "the dimension moved",
            None: "do not single out"}[what_moved(results)] in said


def _fold_effect(mean: float, half: float) -> dict:
    return {"mean": mean, "low": mean - half, "high": mean + half}


def test_a_cell_clear_alone_is_not_called_clear_after_holm():
    """An interval over three folds that excludes zero narrowly is clear alone; beside a null one, Holm's adjustment
    over the pair leaves it unclear, while a strong one stays clear."""
    from embedlab.site.findings import _sign_words

    strong, weak, null = _fold_effect(-0.03, 0.005), _fold_effect(-0.03, 0.028), _fold_effect(0.0, 0.02)
    assert "Each is clearly below zero by its interval" in _sign_words({"a": weak}, "it", folds=3)
    assert "None is clearly apart from zero after Holm's adjustment" in _sign_words({"a": weak, "b": null}, "it", 3)
    said = _sign_words({"a": strong, "b": null}, "it", folds=3)
    assert "clearly below zero: a;" in said and "not clearly apart from zero: b" in said


def test_what_moved_needs_a_clear_corpus_trend_and_no_clear_dimension_change(full):
    import copy

    ours = copy.deepcopy(full)
    trends = ours["dimension"]["trends"]
    for t in trends["corpus"].values():
        t["per_doubling"] = _fold_effect(0.02, 0.005)
    for t in trends["dimension"].values():
        t["change"] = _fold_effect(0.0, 0.02)
    assert what_moved(ours) == "text"
    for t in trends["corpus"].values():
        t["per_doubling"] = _fold_effect(0.0, 0.02)
    assert what_moved(ours) is None
    for t in trends["dimension"].values():
        t["change"] = _fold_effect(0.05, 0.005)
    assert what_moved(ours) == "dimension"
