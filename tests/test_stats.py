"""The statistics behind every comparison of starts: weighted scores that agree with scikit-learn, a crossed bootstrap
whose intervals stay in range and widen with the noise they should cover, Holm's adjustment and Wilson's interval."""

import numpy as np
import pytest
from sklearn.metrics import balanced_accuracy_score, roc_auc_score

from embedlab.lab import stats


@pytest.mark.parametrize("metric", ["accuracy", "balanced_accuracy", "roc_auc"])
def test_weighted_scores_equal_the_score_of_the_resampled_texts(metric):
    rng = np.random.default_rng(0)
    y = rng.random(400) < 0.3
    p = np.round(rng.random(400), 2)  # rounded: ties, which ROC-AUC counts as a half
    weights = stats.counts(400, 5, rng)
    plain = {"accuracy": lambda yy, pp: ((pp > 0.5) == yy).mean(),
             "balanced_accuracy": lambda yy, pp: balanced_accuracy_score(yy, pp > 0.5), "roc_auc": roc_auc_score}
    for w, score in zip(weights, stats.weighted_scores(metric, y, p, weights)):
        drawn = np.repeat(np.arange(400), w.astype(int))
        assert score == pytest.approx(plain[metric](y[drawn], p[drawn]))


def _noisy_pair(texts: int, seeds: int, gap: float, rng):
    y = rng.random(texts) < 0.5
    base = np.clip(np.where(y, 0.6, 0.4) + rng.normal(0, 0.3, (seeds, texts)), 0, 1)
    return y, np.clip(base + gap * np.where(y, 1, -1), 0, 1), base


def test_intervals_stay_inside_the_range_a_difference_can_take():
    rng = np.random.default_rng(1)
    y, arm, base = _noisy_pair(30, 3, 0.9, rng)  # a huge gap on few texts: a t-interval would pass +1
    cell = stats.compare(y, {"arm": arm, "base": base}, "base", stats.counts(30, stats.REPLICATES, rng),
                         stats.counts(3, stats.REPLICATES, rng))["arm"]
    for metric in stats.METRICS:
        s = stats.summary(cell[metric]["mean"], cell[metric]["replicates"])
        assert -1 <= s["low"] <= s["mean"] <= s["high"] <= 1


def test_the_interval_counts_the_held_out_texts_not_only_the_seeds():
    """Three seeds that agree closely give a narrow seed-only spread; the crossed bootstrap stays as wide as the
    texts' sampling error requires (binomial standard error of a paired difference)."""
    rng = np.random.default_rng(2)
    y, arm, base = _noisy_pair(2000, 1, 0.02, rng)
    arm, base = np.repeat(arm, 3, axis=0), np.repeat(base, 3, axis=0)  # identical seeds: no seed noise at all
    cell = stats.compare(y, {"arm": arm, "base": base}, "base", stats.counts(2000, stats.REPLICATES, rng),
                         stats.counts(3, stats.REPLICATES, rng), metrics=["accuracy"])["arm"]["accuracy"]
    s = stats.summary(cell["mean"], cell["replicates"])
    changed = ((arm[0] > 0.5) != (base[0] > 0.5)).mean()  # share of texts whose answer differs
    expected = 1.96 * np.sqrt(changed / 2000)  # McNemar-style standard error of the paired difference
    assert (s["high"] - s["low"]) / 2 == pytest.approx(expected, rel=0.25)


def test_a_masked_cell_counts_only_its_texts():
    rng = np.random.default_rng(3)
    y, arm, base = _noisy_pair(100, 2, 0.1, rng)
    masks = np.zeros((2, 100), dtype=bool)
    masks[0, :10], masks[1, 50:55] = True, True
    cell = stats.compare(y, {"arm": arm, "base": base}, "base", stats.counts(100, 50, rng), stats.counts(2, 50, rng),
                         metrics=["accuracy"], masks=masks)["arm"]["accuracy"]
    assert cell["texts"] == 15
    per_seed = [((a[m] > 0.5) == y[m]).mean() - ((b[m] > 0.5) == y[m]).mean() for a, b, m in zip(arm, base, masks)]
    assert cell["mean"] == pytest.approx(np.mean(per_seed))


def test_pooled_effect_averages_cells_and_their_replicates():
    a = {"mean": 0.02, "replicates": np.array([0.01, 0.03]), "texts": 10}
    b = {"mean": 0.04, "replicates": np.array([0.03, 0.05]), "texts": 10}
    p = stats.pooled([a, b])
    assert p["mean"] == pytest.approx(0.03) and p["cells"] == 2
    assert p["low"] == pytest.approx(np.quantile([0.02, 0.04], 0.025))


def test_holm_multiplies_by_the_hypotheses_left_and_stays_monotone():
    assert stats.holm([0.01, 0.04, 0.03, 0.5]) == pytest.approx([0.04, 0.09, 0.09, 0.5])


def test_summarised_adjusts_within_each_family_only():
    cells = {(k, fam): {"mean": 0.01, "replicates": np.random.default_rng(k).normal(0.01, 0.004, 500), "texts": 1}
             for k in range(4) for fam in ("a", "b")}
    single = stats.summary(0.01, cells[0, "a"]["replicates"])["p"]
    out = stats.summarised(cells, lambda key: key[1])
    assert out[0, "a"]["p_holm"] >= single
    assert out[0, "a"]["p_holm"] <= min(1.0, 4 * max(out[k, "a"]["p"] for k in range(4)))


def test_wilson_interval_stays_in_zero_to_one():
    assert stats.wilson(0, 10)[0] == 0.0 and 0 < stats.wilson(0, 10)[1] < 0.35
    low, high = stats.wilson(81, 100)
    assert 0.72 < low < 0.81 < high < 0.88
    assert stats.wilson(10, 10)[1] == pytest.approx(1.0) and stats.wilson(10, 10)[1] <= 1.0
