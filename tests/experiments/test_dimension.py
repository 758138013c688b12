"""The dimension-and-corpus page: nested slices, one rand arm per dimension, the trends it states, and the findings
that say them."""

import numpy as np
import pytest

from embedlab.experiments import dimension as dm
from embedlab.site import findings as findings_module
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
    assert {"text": "these data do not say whether his gain comes from his text", "dimension": "the dimension moved",
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


def test_lead_says_where_frozen_word2vec_stands_and_what_moved_it(results):
    """The takeaway names the corpus trends that are clear after Holm's adjustment over their set, says whether any
    change with dimension is, and gives the GloVe cut with its own interval."""
    from embedlab.site.findings import _holm_signs, dimension_lead

    d = results["dimension"]
    gains = [100 * s["arms"]["static"]["gain_over_rand"]["mean"] for s in _word2vec(d).values()]
    said = dimension_lead(results)
    assert f"{min(gains):+.1f} to {max(gains):+.1f} accuracy points" in said  # point estimates, below or not
    assert ("stayed below a random start" in said) == (max(gains) < 0)
    folds = len(d["settings"]["folds"])
    if folds > 1:
        corpus = _holm_signs({f"{dim}-d": t["per_doubling"] for dim, t in d["trends"]["corpus"].items()}, folds)
        clear = [label for label, sign in corpus.items() if sign == 1]
        if clear:
            assert f"more text raised that difference clearly at {clear[0]}" in said
        else:
            assert "more text raised it clearly at no dimension" in said
        dims = _holm_signs({dim: t["change"] for dim, t in d["trends"]["dimension"].items()}, folds)
        assert ("more dimensions made no clear difference" in said) == (not any(dims.values()))
    halved = findings_module.glove_halving(d)
    if halved is not None:
        assert f"changed its difference by {findings_module._gap(halved)}" in said
    assert "so they do not say how much of his" in said


def test_lead_does_not_say_below_when_a_table_beat_rand(full):
    import copy

    from embedlab.site.findings import dimension_lead

    ours = copy.deepcopy(full)
    name = next(iter(_word2vec(ours["dimension"])))
    ours["dimension"]["starts"][name]["arms"]["static"]["gain_over_rand"]["mean"] = 0.01
    said = dimension_lead(ours)
    assert "stayed below" not in said and "to +1.0 accuracy points from a random start" in said


def test_design_and_rand_sentences_name_every_slice_and_dimension(results):
    from embedlab.lab.bootstrap import said
    from embedlab.site.findings import dimension_design, dimension_rand

    d = results["dimension"]
    fractions = sorted(d["settings"]["fractions"])
    design = dimension_design(results)
    assert all(f"{f:.0%}" in design for f in fractions)
    assert all(f"{s['dim']}" in design for s in _word2vec(d).values())
    assert design.count(" and ") == (len({s["dim"] for s in _word2vec(d).values()}) > 1) + (len(fractions) > 1)
    rand = dimension_rand(results)
    for dim in d["settings"]["dims"]:
        assert f"{dim}-d {said(d['rand'][str(dim)]['accuracy'])}" in rand


def test_epochs_are_the_epochs_run_per_kind_of_table_and_arm(results):
    from embedlab.site.findings import _dimension_epochs

    d = results["dimension"]
    said = _dimension_epochs(d, patience=3)
    assert said.startswith("**Epochs run** (each run stops 3 epochs after its best held-back accuracy")
    runs = [e for s in _word2vec(d).values() for e in s["arms"]["static"]["epochs"]]
    assert (f"static word2vec {min(runs)} to {max(runs)}" if min(runs) != max(runs)
            else f"static word2vec {min(runs)}") in said
