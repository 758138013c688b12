"""The results-at-a-glance table: every claim gets one of the three verdicts from the results, by rules that turn
with the numbers (checked on small made-up results), and the index page shows them."""

import copy
import html

import pytest

from embedlab.experiments.verdicts import HOLDS, NOT, PART, pretrained_start_helps, rows_only_move_when_looked_up
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
