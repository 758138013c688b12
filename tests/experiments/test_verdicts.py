"""The results-at-a-glance table: every claim gets one of the three verdicts from the results, by rules that turn
with the numbers (checked on small made-up results), and the index page shows them."""

import html

import pytest

from embedlab.experiments.verdicts import (
    HOLDS,
    NOT,
    PART,
    PRETRAINED,
    full_data_start_matters_little,
    pretrained_start_helps_with_little_data,
    rows_only_move_when_looked_up,
    unseen_words_gain_from_pretrained,
)
from embedlab.experiments.verdicts import verdicts as all_verdicts


def test_every_claim_gets_a_verdict_and_a_page(results):
    found = all_verdicts(results)
    assert len(found) == 6
    for row in found:
        assert row["verdict"] in (HOLDS, PART, NOT) and row["evidence"] and row["page"].endswith(".md")


def _movement(unseen_move: float) -> dict:
    moves = {"never in training": [0.0, unseen_move]}
    return {"movement": {"epochs": 2, "optimizers": {"SGD": {"mean_move": moves}, "Adam": {"mean_move": moves}}}}


def test_a_moved_unseen_row_turns_the_mechanism_verdict():
    assert rows_only_move_when_looked_up(_movement(0.0))[0] == HOLDS
    assert rows_only_move_when_looked_up(_movement(0.01))[0] == NOT


def _effect(low: float, high: float) -> dict:
    return {"mean": (low + high) / 2, "low": low, "high": high, "cells": 12}


def _starts(low: float, high: float, kim: tuple[float, float] = (-0.005, 0.005)) -> dict:
    pooled = {start: {metric: {"both models": _effect(low, high)} for metric in ("accuracy", "roc_auc")}
              for start in ("GloVe 6B fine-tuned", "GloVe 6B frozen", "GloVe 6B frozen, then fine-tuned",
                            "word2vec fine-tuned")}
    tasks = {task: {"arms": {"non-static": {"versus_rand": _effect(*kim)}}} for task in ("polarity", "subjectivity")}
    return {"starts": {"pooled": pooled}, "kim_protocol": {"tasks": tasks}}


@pytest.mark.parametrize(("low", "high", "verdict"), [(-0.004, 0.006, HOLDS), (-0.02, 0.005, PART),
                                                      (0.015, 0.03, NOT), (-0.03, -0.015, NOT)])
def test_the_pooled_interval_decides_the_full_data_verdict(low, high, verdict):
    assert full_data_start_matters_little(_starts(low, high))[0] == verdict


@pytest.mark.parametrize(("kim", "verdict"), [((-0.004, 0.006), HOLDS), ((0.0, 0.03), PART), ((0.02, 0.05), NOT)])
def test_kims_protocol_is_the_full_data_verdicts_control(kim, verdict):
    """Within the margin on the site's protocol, the verdict is what Kim's protocol allows: the weaker of the two."""
    assert full_data_start_matters_little(_starts(-0.004, 0.006, kim))[0] == verdict
    assert full_data_start_matters_little(_starts(0.015, 0.03, kim))[0] == NOT


def test_kims_two_tasks_pool_as_independent_intervals():
    from embedlab.experiments.verdicts import kim_protocol_pooled

    found = kim_protocol_pooled(_starts(0, 0, kim=(0.01, 0.03)), "non-static")
    assert found["mean"] == pytest.approx(0.02)
    assert found["high"] - found["mean"] == pytest.approx(0.01 * 2 ** 0.5 / 2)


def test_index_shows_the_verdicts(site, full):
    page = html.unescape((site / "experiments" / "index.html").read_text())
    for row in all_verdicts(full):
        assert row["verdict"] in page and row["claim"] in page


def _little(effects: dict[str, tuple[float, float]], subset: str = "all", metric: str = "accuracy") -> dict:
    """Made-up little-data results: the few-labels regime's pooled effects, (low, high) per start."""
    arms = {start: {"all": {}, "unseen": {}} for start in PRETRAINED}
    for start, (low, high) in effects.items():
        arms[start][subset][metric] = _effect(low, high)
    return {"little_data": {"min_cell_texts": 200, "pooled": {"few labels": {"sizes": [50, 100, 300], **arms}}}}


_LEVEL = {start: (-0.01, 0.01) for start in PRETRAINED}


@pytest.mark.parametrize(("changed", "verdict"), [
    ({"GloVe 6B fine-tuned": (0.01, 0.03)}, HOLDS),
    ({"GloVe 6B frozen": (0.01, 0.03)}, PART),
    ({"word2vec fine-tuned": (0.01, 0.03)}, NOT),  # the site's own word2vec is not published vectors
    ({"GloVe 6B fine-tuned": (-0.03, -0.01)}, NOT),
])
def test_pooled_intervals_decide_the_little_data_verdicts(changed, verdict):
    effects = _LEVEL | changed
    assert pretrained_start_helps_with_little_data(_little(effects))[0] == verdict
    assert unseen_words_gain_from_pretrained(_little(effects, "unseen", "balanced_accuracy"))[0] == verdict
