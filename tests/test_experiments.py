"""The experiments: the quick mode runs end to end, and the relationships the pages state hold in its results and
in the committed full results, so that a page can never silently contradict its own data."""

import json
import re
import subprocess
import sys

import numpy as np
import pytest

from embedlab.experiments import EXPERIMENTS
from embedlab.experiments.pipeline import ROOT, Run, input_key

MODES = ["quick", "full"]


@pytest.fixture(scope="session")
def quick_run() -> str:
    result = subprocess.run([sys.executable, "-m", "embedlab.experiments", "run", "--quick"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def _load(run: Run) -> dict:
    return {name: json.loads(run.results_path(name).read_text()) for name in EXPERIMENTS}


@pytest.fixture(params=MODES)
def results(request) -> dict:
    if request.param == "quick":
        request.getfixturevalue("quick_run")
    return _load(Run(quick=request.param == "quick"))


@pytest.fixture
def full() -> dict:
    return _load(Run(quick=False))


def mean(values) -> float:
    return float(np.mean(values))


def test_quick_run_reports_every_experiment(quick_run):
    for name in EXPERIMENTS:
        assert re.search(rf"^{name}: (\d+ s|unchanged, skipped)", quick_run, re.MULTILINE), quick_run


def test_unchanged_experiments_are_skipped(quick_run):
    again = subprocess.run([sys.executable, "-m", "embedlab.experiments", "run", "--quick", "--only", "movement"],
                           cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 0 and "movement: unchanged, skipped" in again.stdout


def test_unknown_experiment_is_a_one_line_error():
    result = subprocess.run([sys.executable, "-m", "embedlab.experiments", "run", "--only", "nope"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1].startswith("error: unknown experiment nope")


def test_committed_results_come_from_the_current_code():
    for name, module in EXPERIMENTS.items():
        committed = json.loads(Run(quick=False).results_path(name).read_text())
        assert committed["input_key"] == input_key(module, False), (
            f"docs/results/{name}.json is stale: run `make figures`"
        )
        assert not committed["quick"]


def test_every_figure_is_on_a_page_with_alt_text():
    pages = "".join(p.read_text() for p in (ROOT / "docs").glob("**/*.md"))
    for name in EXPERIMENTS:
        assert (ROOT / "docs" / "figures" / f"{name}.svg").is_file()
        match = re.search(rf"!\[([^\]]+)\]\(\.\./figures/{name}\.svg\)", pages)
        assert match and len(match.group(1)) > 20, f"figure {name}.svg is not shown with alt text"


# --- Relationships stated on the pages, checked in the quick and the full results -------------------------------


def test_supervised_clickbait_is_easy_polarity_is_not(results):
    tasks = results["supervised"]["tasks"]
    assert tasks["clickbait"]["accuracy"]["mean"] > 0.95
    assert tasks["polarity"]["accuracy"]["mean"] < tasks["clickbait"]["accuracy"]["mean"] - 0.1
    assert tasks["polarity"]["accuracy"]["mean"] > 0.65


def test_meaning_lives_in_the_general_text_spaces(results):
    spaces = results["two_spaces"]["spaces"]
    general = [s for s in spaces if "general text" in s]
    trained = [s for s in spaces if "task" in s]
    for g in general:
        for t in trained:
            assert mean(spaces[g]["metrics"]["analogy accuracy"]) > mean(spaces[t]["metrics"]["analogy accuracy"])
    w2v = spaces["word2vec (general text)"]["metrics"]
    for t in trained:
        assert mean(w2v["WordSim353 Spearman"]) > mean(spaces[t]["metrics"]["WordSim353 Spearman"])


def test_polarity_table_opposes_antonyms(results):
    spaces = results["two_spaces"]["spaces"]
    polarity = spaces["polarity task (trained from scratch)"]["details"]["polarity"]
    w2v = spaces["word2vec (general text)"]["details"]["polarity"]
    assert polarity["antonym_cosine"] < polarity["lexicon_cosine"]
    assert w2v["antonym_cosine"] > polarity["antonym_cosine"]


def test_headlines_grouped_by_topic_in_word2vec_by_label_in_the_task_model(results):
    spaces = results["headlines"]["spaces"]
    w2v = spaces["word2vec average"]["b_nearer_c_than_a"]
    task = spaces["clickbait model, layer after the Embedding"]["b_nearer_c_than_a"]
    assert min(w2v) > max(task)
    assert mean(w2v) > 0.5 > mean(task)


def test_unseen_rows_never_move_and_adam_narrows_the_gap(results):
    optimizers = results["movement"]["optimizers"]
    sgd, adam = optimizers["SGD (rate 1.0)"]["mean_move"], optimizers["Adam (rate 0.001)"]["mean_move"]
    for moves in (sgd, adam):
        assert max(moves["never in training"]) == 0.0
    assert sgd["frequent (50+ times)"][-1] > sgd["medium (5-49)"][-1] > sgd["rare (1-4)"][-1] > 0
    ratio = {name: m["rare (1-4)"][-1] / m["frequent (50+ times)"][-1] for name, m in (("sgd", sgd), ("adam", adam))}
    assert ratio["adam"] > 3 * ratio["sgd"]


# --- Statements that the pages make about the full results only -------------------------------------------------


def _runs(results: dict, task: str, init: str, n: int, key: str = "accuracy") -> list[float]:
    return [run[key] for run in results["little_data"]["tasks"][task][init][str(n)]]


def test_full_word2vec_start_did_not_help_polarity(full):
    for n in full["little_data"]["sizes"]:
        random = mean(_runs(full, "polarity", "random", n))
        assert mean(_runs(full, "polarity", "word2vec frozen", n)) < random
        assert mean(_runs(full, "polarity", "word2vec fine-tuned", n)) < random + 0.01


def test_full_frozen_word2vec_helps_clickbait_only_with_the_smallest_sets(full):
    sizes = full["little_data"]["sizes"]
    frozen = [mean(_runs(full, "clickbait", "word2vec frozen", n)) for n in sizes]
    random = [mean(_runs(full, "clickbait", "random", n)) for n in sizes]
    assert frozen[0] > random[0] and frozen[1] > random[1]
    assert all(f < r for f, r in zip(frozen[2:], random[2:]))
    for n in sizes[2:]:
        tuned = mean(_runs(full, "clickbait", "word2vec fine-tuned", n))
        assert abs(tuned - mean(_runs(full, "clickbait", "random", n))) < 0.02


def test_full_unseen_opinion_words_show_no_consistent_word2vec_gain(full):
    """The page says the word2vec starts were not consistently better on sentences with unseen opinion words."""
    sizes = full["little_data"]["sizes"]
    for init in ("word2vec frozen", "word2vec fine-tuned"):
        gains = [mean(_runs(full, "polarity", init, n, "unseen_accuracy"))
                 - mean(_runs(full, "polarity", "random", n, "unseen_accuracy")) for n in sizes]
        assert sum(g > 0.02 for g in gains) <= 1, gains
        assert min(gains) < 0


def test_full_adam_rare_rows_keep_growing(full):
    adam = full["movement"]["optimizers"]["Adam (rate 0.001)"]["mean_move"]
    assert adam["rare (1-4)"][-1] > adam["rare (1-4)"][-3] + 0.05
    assert abs(adam["frequent (50+ times)"][-1] - adam["frequent (50+ times)"][-3]) < 0.05


def test_full_word2vec_puts_good_next_to_bad(full):
    spaces = full["two_spaces"]["spaces"]
    w2v = spaces["word2vec (general text)"]
    assert "bad" in w2v["details"]["neighbours"]["good"]
    assert w2v["details"]["polarity"]["antonym_cosine"] > w2v["details"]["polarity"]["lexicon_cosine"]
    for name in ("clickbait task (trained from scratch)", "polarity task (trained from scratch)"):
        assert mean(spaces[name]["metrics"]["analogy accuracy"]) < 0.01
        assert mean(spaces[name]["metrics"]["WordSim353 Spearman"]) < mean(w2v["metrics"]["WordSim353 Spearman"]) - 0.15


def test_full_polarity_table_wins_on_frequent_words_only(full):
    spaces = full["two_spaces"]["spaces"]
    w2v = spaces["word2vec (general text)"]["metrics"]
    pol = spaces["polarity task (trained from scratch)"]["metrics"]
    assert mean(pol["agreement, frequent review words"]) > mean(w2v["agreement, frequent review words"]) + 0.05
    assert mean(w2v["polarity agreement"]) > mean(pol["polarity agreement"])
    assert mean(w2v["polarity probe accuracy"]) > mean(pol["polarity probe accuracy"])


def test_check_compares_within_tolerances():
    from embedlab.experiments.check import differences

    committed = {"seconds": 10, "score": 0.80, "count": 1000, "neighbours": ["a", "b", "c", "d", "e"], "rule": "x"}
    assert differences(committed, dict(committed, seconds=99, score=0.81, count=1050)) == []
    assert differences(committed, dict(committed, neighbours=["a", "b", "c", "y", "z"])) == []
    found = differences(committed, dict(committed, score=0.75, count=1200, neighbours=["v", "w", "x", "y", "z"]))
    assert [line.split(":")[0] for line in found] == ["/score", "/count", "/neighbours"]
    assert differences(committed, dict(committed, rule="y")) == ["/rule: 'x' vs 'y'"]
    labels = {"groups": ["positive"] * 3 + ["negative"] * 2}  # repeated labels: their distinct values are compared
    assert differences(labels, labels) == []
    assert differences(labels, {"groups": ["other"] * 5}) != []


# --- The map page (docs/experiments/map.md), checked in the quick and the full results ------------------------------


def test_maps_polarity_table_splits_by_the_classifiers_score(results):
    maps = results["maps"]
    assert maps["split_follows_score"] > 0.95
    score = maps["score"]
    assert score["too"] < 0 and score["bad"] < 0
    assert score["film"] > 0 > score["movie"]
    assert maps["groups"][maps["words"].index("funny")] == "negative" and score["funny"] > 0
    assert maps["lexicon_score_agrees"] > 0.6


def test_maps_polarity_is_in_the_vectors_not_made_by_the_projection(results):
    spaces = results["maps"]["spaces"]
    w2v, pol = spaces["word2vec (general text)"], spaces["polarity task (trained from scratch)"]
    assert pol["agreement"] > w2v["agreement"] + 0.05
    assert pol["agreement_2d"] > w2v["agreement_2d"] + 0.05
    for space in (w2v, pol):
        assert abs(space["agreement"] - space["agreement_2d"]) < 0.05


def test_maps_spaces_share_few_neighbours(results):
    maps = results["maps"]
    assert maps["shared_mean"] < 1 and maps["shared_none"] > 0.5
