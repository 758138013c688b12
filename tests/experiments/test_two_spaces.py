"""The two-spaces page: where meaning and polarity live, in the quick and the committed full results, with bootstrap
intervals on every measure and paired intervals on the differences the page and the verdict use."""

import copy

import numpy as np
import pytest
from numpy import mean
from scipy.stats import spearmanr

from embedlab.experiments.two_spaces import COMPARED, TABLE_METRICS
from embedlab.experiments.verdicts import HOLDS, NOT, PART, task_table_learns_the_task_not_meaning
from embedlab.lab import bootstrap

GLOVE = "GloVe 6B (published, 6 billion words)"
W2V = "word2vec (general text)"
SITE_GLOVE = "glove (general text)"
POLARITY = "polarity task (trained from scratch)"
CLICKBAIT = "clickbait task (trained from scratch)"
AGREEMENT = "agreement, frequent review words"
CORRELATIONS = ("WordSim353 Spearman", "SimLex-999 Spearman")


def _metric(spaces, name, label) -> float:
    return float(mean(spaces[name]["metrics"][label]))


def _minus(results, first, second, label) -> dict:
    return results["two_spaces"]["differences"][first][second][label]


def test_every_interval_lies_in_the_measures_range_around_its_estimate(results):
    for name, space in results["two_spaces"]["spaces"].items():
        for label, found in space["intervals"].items():
            bottom = -1 if label in CORRELATIONS else 0
            assert bottom <= found["low"] <= found["mean"] <= found["high"] <= 1, (name, label)
            assert found["mean"] == pytest.approx(mean(space["metrics"][label]))


def test_every_difference_interval_lies_in_its_range_around_its_difference(results):
    differences = results["two_spaces"]["differences"]
    assert {first: list(others) for first, others in differences.items()} == COMPARED
    for first, others in differences.items():
        for second, labels in others.items():
            assert set(labels) == set(TABLE_METRICS)
            for label, d in labels.items():
                span = 2 if label in CORRELATIONS else 1
                assert -span <= d["low"] <= d["mean"] <= d["high"] <= span, (first, second, label)


def test_seed_0s_measures_are_the_details_it_records(results):
    polarity = results["two_spaces"]["spaces"][POLARITY]
    assert polarity["metrics"]["WordSim353 Spearman"][0] == pytest.approx(
        polarity["details"]["similarity"]["wordsim353"]["spearman"])
    assert polarity["metrics"][AGREEMENT][0] == pytest.approx(polarity["details"]["polarity_frequent"]["agreement"])
    assert polarity["metrics"]["polarity probe accuracy"][0] == pytest.approx(polarity["details"]["polarity"]["probe"])


def test_meaning_lives_in_the_general_text_spaces(results):
    spaces = results["two_spaces"]["spaces"]
    for task in (POLARITY, CLICKBAIT):
        for general in (GLOVE, W2V):
            for label in ("WordSim353 Spearman", "semantic analogies", "syntactic analogies"):
                assert _metric(spaces, general, label) > _metric(spaces, task, label), (general, task, label)
    assert _minus(results, POLARITY, GLOVE, "WordSim353 Spearman")["high"] < 0


def test_full_the_polarity_table_knows_clearly_less_meaning_than_glove_6b_and_word2vec(full):
    for general in (GLOVE, W2V):
        assert _minus(full, POLARITY, general, "WordSim353 Spearman")["high"] < 0, general
    assert _minus(full, GLOVE, W2V, "WordSim353 Spearman")["low"] > 0


def test_full_published_vectors_know_meaning_best_and_task_tables_answer_almost_no_analogy(full):
    spaces = full["two_spaces"]["spaces"]
    best = max(spaces, key=lambda name: _metric(spaces, name, "WordSim353 Spearman"))
    assert best == GLOVE
    for task in (POLARITY, CLICKBAIT):
        assert spaces[task]["intervals"]["semantic analogies"]["high"] < 0.01


def test_full_a_linear_probe_reads_polarity_off_the_general_text_vectors(full):
    spaces = full["two_spaces"]["spaces"]
    frequent_chance = spaces[GLOVE]["details"]["polarity_frequent"]["probe_chance"]
    chance = spaces[GLOVE]["details"]["polarity"]["probe_chance"]
    for general in (GLOVE, W2V):
        assert spaces[general]["intervals"]["probe, frequent review words"]["low"] > frequent_chance
        assert spaces[general]["intervals"]["polarity probe accuracy"]["low"] > chance


def test_full_the_polarity_table_learned_polarity_and_glove_6b_holds_as_much_or_more(full):
    spaces = full["two_spaces"]["spaces"]
    assert spaces[POLARITY]["intervals"][AGREEMENT]["low"] > spaces[POLARITY]["details"]["polarity_frequent"]["chance"]
    assert _minus(full, POLARITY, GLOVE, AGREEMENT)["low"] <= 0  # not clearly above GloVe 6B
    assert _minus(full, POLARITY, GLOVE, "probe, frequent review words")["high"] < 0  # "or more"
    assert _minus(full, POLARITY, W2V, AGREEMENT)["low"] > 0
    assert spaces[GLOVE]["intervals"]["polarity agreement"]["low"] > 0.5  # "mostly share polarity"


def test_the_spaces_compared_differ_as_the_page_says(results):
    spaces = results["two_spaces"]["spaces"]
    assert spaces[GLOVE]["dimensions"] != spaces[W2V]["dimensions"] == spaces[SITE_GLOVE]["dimensions"]


def test_full_antonyms_close_in_general_spaces_apart_in_the_polarity_table(full):
    spaces = full["two_spaces"]["spaces"]
    for general in (GLOVE, W2V):
        details = spaces[general]["details"]["polarity"]
        assert details["antonym_cosine"] > details["lexicon_cosine"]
    details = spaces[POLARITY]["details"]["polarity"]
    assert details["antonym_cosine"] < details["lexicon_cosine"]


def test_full_glove_6b_keeps_lexicon_neighbours_at_the_same_polarity_far_more_than_word2vec(full):
    """The map page qualifies its word2vec reading with this."""
    spaces = full["two_spaces"]["spaces"]
    assert _metric(spaces, GLOVE, "polarity agreement") > _metric(spaces, W2V, "polarity agreement") + 0.1
    assert _minus(full, GLOVE, W2V, "polarity agreement")["low"] > 0


def test_full_this_sites_word2vec_puts_good_next_to_bad(full):
    """The little-data page says so."""
    assert "bad" in full["two_spaces"]["spaces"][W2V]["details"]["neighbours"]["good"]


def test_full_verdict_holds_in_part(full):
    assert task_table_learns_the_task_not_meaning(full)[0] == PART


def _moved(results: dict, label: str, low: float) -> dict:
    """The results with the polarity table's difference from GloVe 6B in ``label`` moved to [low, low + 0.1]."""
    changed = copy.deepcopy(results)
    changed["two_spaces"]["differences"][POLARITY][GLOVE][label] = {"mean": low + 0.05, "low": low,
                                                                    "high": low + 0.1}
    return changed


def test_the_verdict_counts_a_difference_only_when_its_interval_excludes_zero(full):
    two = {"two_spaces": full["two_spaces"], "objective": copy.deepcopy(full["objective"])}
    for second in two["objective"]["differences"]["polarity table: label, its sentences"].values():
        second[AGREEMENT] = {"mean": 0.1, "low": 0.05, "high": 0.15}  # the table ahead of vectors on its sentences
    clear = _moved(_moved(two, "WordSim353 Spearman", -0.5), AGREEMENT, 0.02)
    assert task_table_learns_the_task_not_meaning(clear)[0] == HOLDS
    assert task_table_learns_the_task_not_meaning(_moved(clear, AGREEMENT, -0.05))[0] == PART
    assert task_table_learns_the_task_not_meaning(_moved(clear, "WordSim353 Spearman", -0.05))[0] == NOT


def test_bootstrap_measures_spearman_as_scipy_and_crosses_seeds():
    rng = np.random.default_rng(1)
    scores = np.stack([rng.normal(size=50), rng.normal(size=50)])
    scores[1] += scores[0]
    assert bootstrap.measure(scores)[0] == pytest.approx(spearmanr(*scores).statistic)
    drawn = bootstrap.draws(50)
    assert bootstrap.measure(scores, drawn)[3] == pytest.approx(spearmanr(*scores[:, drawn[3]]).statistic)
    same = bootstrap.crossed([np.ones(50), np.ones(50)], drawn, rng)
    assert same[0] == 1 and np.all(same[1] == 1)
    apart = bootstrap.crossed([np.zeros(50), np.ones(50)], drawn, rng)
    assert apart[0] == 0.5 and 0 <= apart[1].min() < apart[1].max() <= 1  # the seed draws move it


def test_the_figure_names_every_space_beside_its_bars_two_panels_to_a_row(results, draw):
    from embedlab.experiments import two_spaces

    r = results["two_spaces"]
    figure = draw(two_spaces, r)
    legends = figure.legends + [ax.get_legend() for ax in figure.axes if ax.get_legend()]
    assert all(len(legend.get_texts()) < 5 for legend in legends)
    panels = [ax for ax in figure.axes if ax.patches]
    assert len(panels) == len(TABLE_METRICS)
    assert len({round(ax.get_position().x0, 3) for ax in panels}) == 2
    names = [two_spaces.SHORT[name] for name in r["spaces"]]
    for ax in panels:
        assert [t.get_text() for t in ax.get_yticklabels()] == names
        centres = [bar.get_y() + bar.get_height() / 2 for bar in ax.patches]
        assert list(ax.get_yticks()) == pytest.approx(centres)  # each name level with its bar


def test_full_the_polarity_table_agrees_less_over_the_whole_lexicon_than_on_its_frequent_words(full):
    """'True mainly of the words the task data covers: over the whole lexicon its agreement is lower'."""
    intervals = full["two_spaces"]["spaces"][POLARITY]["intervals"]
    assert intervals["polarity agreement"]["high"] < intervals[AGREEMENT]["low"]
