"""The results-at-a-glance table: every claim gets one of the three verdicts from the results, by rules that turn
with the numbers (checked on small made-up results), and the index page shows them."""

import copy
import html

import pytest

from embedlab.experiments.verdicts import (
    HOLDS,
    NOT,
    PART,
    pretrained_start_helps,
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


def _starts(differences: list[list[float]]) -> dict:
    tasks = {f"task{i}": {"versus_random": {"cnn": {"GloVe 6B fine-tuned": {"accuracy": {"differences": d}}}}}
             for i, d in enumerate(differences)}
    return {"starts": {"models": ["cnn"], "tasks": tasks}}


@pytest.mark.parametrize(("differences", "verdict"), [
    ([[0.02, 0.03, 0.025], [0.01, 0.012, 0.011], [-0.01, 0.02, 0.0]], HOLDS),
    ([[0.02, 0.03, 0.025], [-0.01, 0.02, 0.0], [-0.01, 0.02, 0.0]], PART),
    ([[-0.02, -0.03, -0.025], [-0.01, 0.02, 0.0], [-0.01, 0.02, 0.0], [-0.01, 0.02, 0.0], [0.1, 0.11, 0.12]], NOT),
])
def test_paired_intervals_decide_the_pretrained_start_verdict(differences, verdict):
    assert pretrained_start_helps(copy.deepcopy(_starts(differences)))[0] == verdict


def test_index_shows_the_verdicts(site, full):
    page = html.unescape((site / "experiments" / "index.html").read_text())
    for row in all_verdicts(full):
        assert row["verdict"] in page and row["claim"] in page


def _little(differences: list[float], key: str = "accuracy") -> dict:
    """Made-up little-data results: one task, sizes 50, 100, 300, the GloVe starts ahead of random by
    ``differences`` (one per seed) at every size."""
    random = [{key: 0.6} for _ in differences]
    ahead = [{key: 0.6 + d} for d in differences]
    runs = {"random": {}, "GloVe 6B frozen": {}, "GloVe 6B fine-tuned": {}}
    for n in ("50", "100", "300"):
        runs["random"][n] = random
        runs["GloVe 6B frozen"][n] = runs["GloVe 6B fine-tuned"][n] = ahead
    return {"little_data": {"settings": {"sizes": [50, 100, 300]}, "tasks": {"t": {"runs": runs}}}}


@pytest.mark.parametrize(("differences", "verdict"), [
    ([0.05, 0.06, 0.055], HOLDS),
    ([0.05, -0.06, 0.01], NOT),
    ([-0.05, -0.06, -0.055], NOT),
])
def test_paired_intervals_decide_the_little_data_verdicts(differences, verdict):
    assert pretrained_start_helps_with_little_data(_little(differences))[0] == verdict
    assert unseen_words_gain_from_pretrained(_little(differences, "unseen_accuracy"))[0] == verdict
