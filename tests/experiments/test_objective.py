"""The objective-or-data page: the same text under other objectives, the same objective on more text."""

import copy

from embedlab.experiments import objective as o
from embedlab.experiments.verdicts import HOLDS, PART, task_table_learns_the_task_not_meaning
from embedlab.site.findings import objective as findings


def test_every_space_is_measured_on_one_vocabulary_with_intervals_inside_the_range(results):
    r = results["objective"]
    assert list(r["spaces"]) == [o.TABLE, o.W2V_OWN, o.GLOVE_OWN, o.W2V_MOVIES, o.GLOVE_MOVIES, o.W2V_GENERAL,
                                 o.RANDOM]
    assert r["shared_vocabulary"] > 500
    for space in r["spaces"].values():
        for label, found in space["intervals"].items():
            low, high = (-1, 1) if "Spearman" in label else (0, 1)
            assert low <= found["low"] <= found["mean"] <= found["high"] <= high, label
    for others in r["differences"].values():
        for found in others.values():
            assert all(-2 <= d["low"] <= d["mean"] <= d["high"] <= 2 for d in found.values())


def test_the_table_is_trained_on_the_sentences_the_vectors_are_trained_on(results):
    """The same text: the table's vocabulary covers every word of the shared vocabulary."""
    r = results["objective"]
    assert r["tokens"]["its sentences"] > 10_000
    assert r["spaces"][o.TABLE]["seeds"] == r["spaces"][o.W2V_OWN]["seeds"] == r["spaces"][o.GLOVE_OWN]["seeds"]


def test_findings_say_each_comparison_as_its_interval_says(results):
    said = " ".join(findings(results))
    r = results["objective"]["differences"][o.TABLE][o.W2V_OWN]["agreement, frequent review words"]
    word = "clearly higher" if r["low"] > 0 else "clearly lower" if r["high"] < 0 else "not clearly different"
    assert f"the table's polarity agreement on the frequent review words is {word}, {r['mean']:+.2f}" in said


def test_the_verdict_needs_the_objective_control(full):
    """Claim 2 holds only if the table also beats vectors trained on its own sentences; made-up results."""
    ours = copy.deepcopy(full)
    for second in (o.W2V_OWN, o.GLOVE_OWN):
        ours["objective"]["differences"][o.TABLE][second]["agreement, frequent review words"] = {
            "mean": -0.01, "low": -0.05, "high": 0.03}
    verdict, evidence = task_table_learns_the_task_not_meaning(ours)
    assert verdict != HOLDS and "own sentences" in evidence
    if task_table_learns_the_task_not_meaning(full)[0] == HOLDS:
        assert verdict == PART
