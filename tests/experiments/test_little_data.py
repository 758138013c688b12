"""The little-data page: its runs are complete and paired, its unseen-word test is what the page says, and the
numbers it states follow from the results."""

import re

import numpy as np
import pytest

from embedlab.experiments.little_data import KEY_WORDS, STARTS, unseen_items
from embedlab.lab.key_words import key_word_test


def _paired(t: dict, start: str, n: int) -> list[float]:
    return [a["accuracy"] - b["accuracy"] for a, b in zip(t["runs"][start][str(n)], t["runs"]["random"][str(n)])]


def test_every_task_size_and_start_has_a_run_per_seed(results):
    r = results["little_data"]
    assert r["starts"] == list(STARTS)
    for name, t in r["tasks"].items():
        assert r["key_words"][name] == KEY_WORDS[name]
        for start in STARTS:
            assert t["rates"][start] in r["settings"]["rates"]
            for n in r["settings"]["sizes"]:
                runs = t["runs"][start][str(n)]
                assert len(runs) == len(r["settings"]["seeds"])
                # one learning rate per task and start, chosen once and kept for every size and seed
                assert all(run["rate"] == t["rates"][start] for run in runs)
                assert all(0.3 < run["accuracy"] <= 1 for run in runs)


def test_unseen_scores_exist_exactly_where_there_are_such_texts(results):
    r = results["little_data"]
    for t in r["tasks"].values():
        for n in r["settings"]["sizes"]:
            counts = t["unseen_items"][str(n)]
            assert len(counts) == len(r["settings"]["seeds"])
            for start in STARTS:
                for count, run in zip(counts, t["runs"][start][str(n)]):
                    assert ("unseen_accuracy" in run) == (count > 0)


def test_fewer_unseen_texts_as_the_training_subset_grows(results):
    """The page says so: a larger subset covers more of the key words."""
    r = results["little_data"]
    for name, t in r["tasks"].items():
        means = [np.mean(t["unseen_items"][str(n)]) for n in r["settings"]["sizes"]]
        assert means == sorted(means, reverse=True), (name, means)


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


def test_page_names_the_tasks_where_the_fewest_texts_give_the_largest_gain(full, site):
    """The page says on which tasks frozen GloVe 6B's mean gain over random is largest at the smallest size."""
    r = full["little_data"]
    largest = []
    for name, t in r["tasks"].items():
        means = [np.mean(_paired(t, "GloVe 6B frozen", n)) for n in r["settings"]["sizes"]]
        if means[0] == max(means):
            largest.append(name)
    named = "every task" if len(largest) == len(r["tasks"]) else ", ".join(largest) or "no task"
    text = re.sub(r"\s+", " ", (site / "experiments" / "little-data" / "index.html").read_text())
    assert f"is the largest of all sizes on {named}." in text
