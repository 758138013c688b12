"""The five-starts page: its runs are complete and paired, and what its text states holds in the full results."""

import numpy as np
import pytest

from embedlab.lab.stats import interval


def test_every_task_model_and_start_has_a_run_per_seed(results):
    r = results["starts"]
    for task in r["tasks"].values():
        for model in r["models"]:
            for start in r["starts"]:
                runs = task["runs"][model][start]
                assert len(runs) == len(r["settings"]["seeds"])
                assert all(0.4 < run["accuracy"] <= 1 and 0.4 < run["roc_auc"] <= 1 for run in runs)
                assert len({run["rate"] for run in runs}) == 1  # chosen on the first seed, kept for the others
                assert runs[0]["rate"] in r["settings"]["rates"]


def test_paired_differences_are_start_minus_random_seed_by_seed(results):
    r = results["starts"]
    for task in r["tasks"].values():
        for model in r["models"]:
            for start, paired in task["versus_random"][model].items():
                for metric, summary in paired.items():
                    expected = [a[metric] - b[metric] for a, b in zip(task["runs"][model][start],
                                                                     task["runs"][model]["random"])]
                    assert summary["differences"] == pytest.approx(expected)
                    assert summary["mean"] == pytest.approx(np.mean(expected))


def test_pretrained_vectors_cover_almost_every_token(results):
    for task in results["starts"]["tasks"].values():
        assert task["coverage"]["GloVe 6B"]["token_coverage"] > 0.97


def test_interval_is_a_t_interval():
    low, mean, high = interval([0.01, 0.02, 0.03])
    assert mean == pytest.approx(0.02) and low == pytest.approx(0.02 - 4.303 * 0.01 / 3**0.5, rel=1e-3)
    assert high - mean == pytest.approx(mean - low)


def test_full_own_word2vec_covers_much_less_than_glove(full):
    """The page: its coverage of the tasks' words is much lower."""
    for task in full["starts"]["tasks"].values():
        assert task["coverage"]["word2vec"]["type_coverage"] < task["coverage"]["GloVe 6B"]["type_coverage"] - 0.2
