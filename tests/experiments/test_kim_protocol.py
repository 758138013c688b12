"""The Kim's-protocol page: every arm on every fold, its distance to Kim's number and to the rand arm, and the
findings that say them."""

import numpy as np
import pytest

from embedlab.experiments import kim_protocol as k
from embedlab.lab import kim_protocol as kim
from embedlab.site.findings import kim_protocol as findings


def test_every_arm_has_a_run_on_every_fold_and_the_folds_cover_the_texts(results):
    r = results["kim_protocol"]
    assert r["arms"] == list(kim.ARMS)
    for task, t in r["tasks"].items():
        assert set(t["arms"]) == set(kim.ARMS)
        assert all(len(a["folds"]) == t["folds"] for a in t["arms"].values())
        assert all(0 <= x <= 1 for a in t["arms"].values() for x in a["folds"])
        assert all(a["best_epochs"][i] <= a["epochs"][i] <= r["protocol"]["max_epochs"]
                   for a in t["arms"].values() for i in range(t["folds"]))
        assert 0.09 < t["test_share"] < 0.11


def test_differences_are_the_folds_own(results):
    """Against Kim: the mean accuracy minus his number; against rand: the mean of the paired fold differences."""
    for task, t in results["kim_protocol"]["tasks"].items():
        rand = np.array(t["arms"]["rand"]["folds"])
        for arm, a in t["arms"].items():
            assert a["published"] == k.PUBLISHED[task][arm]
            assert a["versus_published"]["mean"] == pytest.approx(np.mean(a["folds"]) - a["published"])
            assert a["versus_rand"]["mean"] == pytest.approx(np.mean(np.array(a["folds"]) - rand))


def test_full_runs_cover_both_tasks_on_ten_folds_with_intervals(full):
    r = full["kim_protocol"]
    assert list(r["tasks"]) == list(k.TASKS)
    for t in r["tasks"].values():
        assert t["folds"] == kim.FOLDS
        for a in t["arms"].values():
            assert a["accuracy"]["low"] < a["accuracy"]["mean"] < a["accuracy"]["high"]


def test_findings_say_the_rand_arm_against_kims_as_its_interval_says(results):
    said = " ".join(findings(results))
    for task, t in results["kim_protocol"]["tasks"].items():
        d = t["arms"]["rand"]["versus_published"]
        if np.isnan(d["low"]):
            word = "one fold cannot say"
        else:
            word = "clearly above" if d["low"] > 0 else "clearly below" if d["high"] < 0 else "not clearly different"
        assert f"{t['arms']['rand']['published']:.3f}, {word}" in said


def test_dimension_runs_repeat_these_folds_exactly(results):
    """The dimension page's GloVe 6B and rand runs at 50-d are this page's runs on its first folds: same texts, same
    seeds, same code, so the same accuracies (a check that the two pages measure one thing)."""
    d, r = results["dimension"], results["kim_protocol"]["tasks"]["polarity"]["arms"]
    folds = d["settings"]["folds"]
    assert d["rand"]["50"]["folds"] == [r["rand"]["folds"][i] for i in folds]
    glove = d["starts"]["GloVe 6B 50-d"]["arms"]
    for arm in ("static", "non-static"):
        assert glove[arm]["folds"] == [r[arm]["folds"][i] for i in folds]
