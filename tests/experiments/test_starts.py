"""The five-starts page: its runs are complete and paired, and what its text states holds in the full results."""

import numpy as np
import pytest

from embedlab.experiments.starts import STARTS, UNFROZEN
from embedlab.lab.classifier import UNFREEZE_RATE


def test_every_task_model_and_start_has_a_run_per_seed(results):
    r = results["starts"]
    assert r["starts"] == list(STARTS)
    for task in r["tasks"].values():
        for model in r["models"]:
            for start in r["starts"]:
                runs = task["runs"][model][start]
                assert len(runs) == len(r["settings"]["seeds"])
                assert all(0.4 < run["accuracy"] <= 1 and 0.4 < run["roc_auc"] <= 1 for run in runs)
                assert len({run["rate"] for run in runs}) == 1  # chosen on the first seed, kept for the others
            for start in set(STARTS) - {UNFROZEN}:
                assert task["runs"][model][start][0]["rate"] in r["settings"]["rates"]
            recipe = task["runs"][model][UNFROZEN][0]["rate"]
            assert recipe == pytest.approx(task["runs"][model]["GloVe 6B frozen"][0]["rate"] * UNFREEZE_RATE)


def test_every_comparison_has_an_interval_inside_the_possible_range(results):
    r = results["starts"]
    cells = [c for t in r["tasks"].values() for by_start in t["versus_random"].values()
             for by_metric in by_start.values() for c in by_metric.values()]
    cells += [c for t in r["tasks"].values() for by_metric in t["versus_logistic_regression"].values()
              for c in by_metric.values()]
    cells += [c for by_metric in r["pooled"].values() for by_model in by_metric.values() for c in by_model.values()]
    for c in cells:
        assert -1 <= c["low"] <= c["mean"] <= c["high"] <= 1
        assert "p_holm" not in c or c["p"] <= c["p_holm"] <= 1


def test_paired_means_are_the_mean_difference_of_the_runs(results):
    r = results["starts"]
    for task in r["tasks"].values():
        for model in r["models"]:
            for start in STARTS[1:]:
                for metric in r["compared"]:
                    expected = np.mean([a[metric] - b[metric] for a, b in zip(task["runs"][model][start],
                                                                             task["runs"][model]["random"])])
                    assert task["versus_random"][model][start][metric]["mean"] == pytest.approx(expected)


def test_pooled_effect_is_the_mean_of_the_cells(results):
    r = results["starts"]
    for start in STARTS[1:]:
        for model in r["models"]:
            cells = [t["versus_random"][model][start]["accuracy"]["mean"] for t in r["tasks"].values()]
            assert r["pooled"][start]["accuracy"][model]["mean"] == pytest.approx(np.mean(cells))


def test_pretrained_vectors_cover_almost_every_token(results):
    for task in results["starts"]["tasks"].values():
        assert task["coverage"]["GloVe 6B"]["token_coverage"] > 0.97


def test_full_runs_converge_before_the_cap(full):
    """The page: every run trained until converged; the cap stopped none."""
    r = full["starts"]
    assert sum(r["capped"].values()) == 0
    assert all(run["stopped"] for t in r["tasks"].values() for by_start in t["runs"].values()
               for runs in by_start.values() for run in runs)


def test_full_findings_state_the_pooled_effects(full):
    from embedlab.experiments.verdicts import points
    from embedlab.site.findings import starts

    text = " ".join(starts(full))
    for start in STARTS[1:]:
        assert points(full["starts"]["pooled"][start]["accuracy"]["both models"]) in text


def test_full_own_word2vec_covers_much_less_than_glove(full):
    """The page: its coverage of the tasks' words is much lower."""
    for task in full["starts"]["tasks"].values():
        assert task["coverage"]["word2vec"]["type_coverage"] < task["coverage"]["GloVe 6B"]["type_coverage"] - 0.2
