"""The little-data page: its runs are complete and paired, its unseen-word test is what the page says, and the
numbers it states follow from the results."""

import html
import re

import numpy as np
import pytest

from embedlab.experiments.little_data import (
    ARMS,
    KEY_WORDS,
    MIN_CELL_TEXTS,
    REGRESSION,
    STARTS,
    UNFROZEN,
    unseen_items,
)
from embedlab.lab.classifier import UNFREEZE_RATE
from embedlab.lab.key_words import key_word_test


def test_every_task_size_and_arm_has_a_run_per_seed_and_a_budget(results):
    r = results["little_data"]
    assert r["arms"] == list(ARMS)
    for name, t in r["tasks"].items():
        assert r["key_words"][name] == KEY_WORDS[name]
        for n in r["settings"]["sizes"]:
            for arm in ARMS:
                runs = t["runs"][arm][str(n)]
                assert len(runs) == r["settings"]["seeds"][str(n)]
                assert all(0.3 < run["accuracy"] <= 1 for run in runs)
            for start in STARTS:  # a budget per arm and size, from the grid
                budget = t["budgets"][str(n)][start]
                assert 0 <= budget["epochs"] <= r["settings"]["max_epochs"]
                rates = r["settings"]["rates"]
                assert budget["rate"] in (rates if start != UNFROZEN else [x * UNFREEZE_RATE for x in rates])


def test_seeds_are_ten_up_to_three_hundred_texts(full):
    r = full["little_data"]
    assert all(r["settings"]["seeds"][str(n)] >= 10 for n in r["settings"]["sizes"] if n <= r["few"])


def test_development_pool_is_apart_from_the_scored_subsets(results):
    from embedlab.experiments.little_data import pools
    from embedlab.lab.tasks import load_task

    r = results["little_data"]
    task = load_task(next(iter(r["tasks"])))
    dev_train, dev_scored, scored = pools(task, r["settings"])
    assert not set(dev_train) & set(scored) and not set(dev_scored) & set(scored)
    assert not set(dev_train) & set(dev_scored) and not set(scored) & set(task.test)


def test_unseen_scores_exist_exactly_where_there_are_such_texts(results):
    r = results["little_data"]
    for t in r["tasks"].values():
        for n in r["settings"]["sizes"]:
            counts = t["unseen_items"][str(n)]
            assert len(counts) == r["settings"]["seeds"][str(n)]
            for arm in ARMS:
                for count, run in zip(counts, t["runs"][arm][str(n)]):
                    assert ("unseen_accuracy" in run) == (count > 0)
                    assert run.get("unseen_texts", 0) == count


def test_fewer_unseen_texts_as_the_training_subset_grows(results):
    """The page says so: a larger subset covers more of the key words."""
    r = results["little_data"]
    for name, t in r["tasks"].items():
        means = [np.mean(t["unseen_items"][str(n)]) for n in r["settings"]["sizes"]]
        assert means == sorted(means, reverse=True), (name, means)


def _cells(r: dict):
    for t in r["tasks"].values():
        for n, by_arm in t["versus_random"].items():
            for by_subset in by_arm.values():
                for subset, by_metric in by_subset.items():
                    yield n, subset, by_metric
        for n, by_subset in t["frozen_versus_regression"].items():
            for subset, by_metric in by_subset.items():
                yield n, subset, by_metric


def test_every_interval_stays_inside_the_possible_range(results):
    r = results["little_data"]
    for _, _, by_metric in _cells(r):
        for c in by_metric.values():
            if not np.isnan(c["low"]):
                assert -1 <= c["low"] <= c["high"] <= 1
    for regime in r["pooled"].values():
        for arm in ARMS[1:]:
            for by_metric in regime[arm].values():
                for c in by_metric.values():
                    assert -1 <= c["low"] <= c["mean"] <= c["high"] <= 1


def test_cells_under_the_minimum_are_never_counted(results):
    """A cell with fewer texts than the minimum has no Holm p-value and is left out of every pooled effect."""
    r = results["little_data"]
    for _, _, by_metric in _cells(r):
        for c in by_metric.values():
            assert c["counted"] == (c["texts"] >= MIN_CELL_TEXTS)
            assert ("p_holm" in c) == (c["counted"] and not np.isnan(c["p"]))
    for regime in r["pooled"].values():
        sizes = [str(n) for n in regime["sizes"]]
        for arm in ARMS[1:]:
            for metric, pooled in regime[arm]["unseen"].items():
                counted = [t["versus_random"][n][arm]["unseen"][metric] for t in r["tasks"].values() for n in sizes
                           if t["versus_random"][n][arm]["unseen"][metric]["counted"]]
                assert pooled["cells"] == len(counted)
                assert pooled["mean"] == pytest.approx(np.mean([c["mean"] for c in counted]))


def test_a_verdict_never_counts_a_cell_under_the_minimum(full):
    """Made-up results: every unseen cell too small; the unseen verdict then has nothing to count."""
    import copy

    from embedlab.experiments.verdicts import NOT, unseen_words_gain_from_pretrained

    results = copy.deepcopy(full)
    for regime in results["little_data"]["pooled"].values():
        for arm in ARMS[1:]:
            regime[arm]["unseen"] = {}
    verdict, evidence = unseen_words_gain_from_pretrained(results)
    assert verdict == NOT and str(MIN_CELL_TEXTS) in evidence


class _Vectors:
    key_to_index = {"good": 0, "awful": 1, "plot": 2}


def test_unseen_items_need_every_key_word_unseen_and_known():
    texts = [["good", "plot"], ["awful", "plot"], ["good"], ["awful"], ["splendid"], ["plot"], ["the"]]
    is_key = {"good", "awful", "splendid"}.__contains__
    # training saw texts 0 and 5: "good" and "plot" are seen, "awful" is not; "splendid" has no vector
    found = unseen_items(texts, np.arange(1, 7), np.array([0, 5]), is_key, _Vectors())
    assert found.tolist() == [1, 3]  # not 2 (seen key word), 4 (no vector), 5 or 6 (no key word)


def test_content_words_leave_out_stop_words_and_numbers():
    is_key = key_word_test("content words")
    assert [w for w in ["the", "21", "soups", "freezer", "your"] if is_key(w)] == ["soups", "freezer"]


def test_opinion_words_are_the_lexicon_and_other_kinds_are_refused():
    is_key = key_word_test("opinion words")
    assert [w for w in ["good", "movie", "awful", "the"] if is_key(w)] == ["good", "awful"]
    with pytest.raises(ValueError, match="unknown kind"):
        key_word_test("nouns")


def test_full_findings_state_the_pooled_effects(full, site):
    from embedlab.experiments.verdicts import points
    from embedlab.site.findings import little_data

    found = little_data(full)
    for regime in full["little_data"]["pooled"].values():
        for arm in ARMS[1:]:
            assert points(regime[arm]["all"]["accuracy"]) in found[0] + found[1]
    text = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", (site / "experiments" / "little-data" /
                                                                        "index.html").read_text())))
    assert found[0].replace("**", "") in text


def test_the_network_against_the_regression_is_said_as_the_cells_and_pooled_gains_show():
    from embedlab.site.findings import _network_against_regression

    def cell(mean, p=1.0):
        return {"mean": mean, "low": mean - 0.01, "high": mean + 0.01, "p_holm": p}

    few = {"GloVe 6B frozen": cell(0.075), REGRESSION: cell(0.073)}
    below = _network_against_regression([cell(-0.02, 0.001), cell(-0.01, 0.01), cell(0.016)], few, [50, 300])
    assert "2 of them clear of zero after Holm's adjustment, all with the network below the regression (by up to " \
           "2.0 points)" in below
    assert "gain about as much" in below and "the gain comes from what the vectors hold" in below
    mixed = _network_against_regression([cell(-0.02, 0.001), cell(0.03, 0.001)], few, [50, 300])
    assert "1 with the network below the regression and 1 above" in mixed
    apart = {"GloVe 6B frozen": cell(0.02), REGRESSION: cell(0.073)}
    none = _network_against_regression([cell(0.01)], apart, [50, 300])
    assert "none of them clear of zero" in none and "different amounts" in none
    assert "vectors hold" not in none
