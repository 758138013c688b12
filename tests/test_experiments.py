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
