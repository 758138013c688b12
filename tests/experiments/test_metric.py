"""The learned-metric page: the paper's setting, measured on the triples of Three headlines."""

import copy

import numpy as np

from embedlab.experiments import metric as m
from embedlab.experiments.verdicts import HOLDS, pretrained_groups_headlines_by_topic
from embedlab.site.findings import metric as findings


def test_the_triples_and_the_shared_spaces_are_those_of_three_headlines(results):
    """Same rule, same held-out headlines: the same triple counts, and GloVe 6B and the controls score alike."""
    r, h = results["metric"], results["headlines"]
    assert r["triples"] == {rule: {name: t["count"] for name, t in sets.items()} for rule, sets in h["triples"].items()}
    for name in ("GloVe 6B average", *m.CONTROLS[1:]):  # deterministic spaces: equal shares (intervals are redrawn)
        for rule, sets in r["spaces"][name]["b_nearer_c_than_a"].items():
            for pairing, share in sets.items():
                assert share["mean"] == h["spaces"][name]["b_nearer_c_than_a"][rule][pairing]["mean"]


def test_the_contrastive_loss_pulls_same_label_pairs_and_pushes_the_others_to_the_margin():
    import keras

    distance = keras.ops.convert_to_tensor(np.array([0.0, 0.5, 0.5, 2.0], "float32"))
    same = keras.ops.convert_to_tensor(np.array([1, 1, 0, 0], "float32"))
    loss = keras.ops.convert_to_numpy(m.contrastive(same, distance))
    assert np.allclose(loss, [0.0, 0.25, (m.MARGIN - 0.5) ** 2, 0.0])


def test_pairs_are_half_same_label_and_labelled_right():
    labels = np.array([0] * 500 + [1] * 500)
    partner, same = m._pairs(labels, np.random.default_rng(0))
    assert np.array_equal(labels[partner] == labels, same.astype(bool))
    assert 0.45 < same.mean() < 0.55


def test_shares_stay_in_range_and_findings_say_the_closest_pair_as_the_cosines_do(results):
    r = results["metric"]
    for space in r["spaces"].values():
        for sets in space["b_nearer_c_than_a"].values():
            # Wilson's upper end at a share of 1 comes out as 1 - 1e-16: a rounding error, not a short interval
            assert all(0 <= s["low"] <= s["mean"] <= s["high"] + 1e-12 <= 1 + 1e-12 for s in sets.values())
    said = " ".join(findings(results))
    for start in m.CNN_STARTS:
        mean = np.mean(r["spaces"][m.space_name(start)]["paper_cosines"], axis=0)
        closest = mean[1][2] > max(mean[0][1], mean[0][2])
        assert f"the two news headlines are {'' if closest else 'not '}the closest pair" in said


def test_the_headlines_verdict_needs_glove_ahead_of_the_learned_metric_too(full):
    ours = copy.deepcopy(full)
    ours["metric"]["differences"]["GloVe 6B average"]["metric-learning encoder from scratch"]["stems"][
        "within one label"] = {"mean": -0.1, "low": -0.2, "high": 0.0}
    verdict, evidence = pretrained_groups_headlines_by_topic(ours)
    assert verdict != HOLDS and "metric-learning encoder" in evidence


def test_findings_say_the_metric_groups_by_label_only_when_every_across_label_share_is_below_half(full):
    from embedlab.site.findings import metric_against_classifier

    across = [row for row in metric_against_classifier(full) if row["pairing"] == "across labels"]
    said = " ".join(findings(full))
    assert ("groups headlines by label" in said) == all(row["metric"]["high"] < 0.5 for row in across)
    mixed = copy.deepcopy(full)
    mixed["metric"]["spaces"][m.space_name(m.CNN_STARTS[1])]["b_nearer_c_than_a"]["stems"]["across labels"] = {
        "runs": [0.6], "mean": 0.6, "low": 0.5, "high": 0.7}
    assert "groups headlines by label" not in " ".join(findings(mixed))
