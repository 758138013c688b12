"""Statistics for paired runs: the same subset, vocabulary, seed and held-out texts under two conditions.

Two things vary between repetitions of an experiment: the seed (which, in the little-data runs, also draws the
training subset) and the held-out texts, a sample of the texts the task could have been scored on. The crossed
bootstrap here resamples both at once: in each replicate, seeds are drawn with replacement and, independently, held-out
texts with replacement, the same texts for both arms of a comparison (so the difference stays paired). Its percentile
intervals cannot leave the range the metric can take. (The crossed bootstrap is known to be slightly conservative:
McCullagh 2000, "Resampling and exchangeable arrays".)
"""

from __future__ import annotations

import numpy as np

REPLICATES = 1000
METRICS = ("accuracy", "balanced_accuracy", "roc_auc")
LEVEL = 0.05  # two-sided: 95% intervals, and the Holm-adjusted threshold for "clearly"


def interval(differences, confidence: float = 0.95) -> tuple[float, float, float]:
    """(low, mean, high): the mean of paired differences and its t-interval; a single value has no interval. Used
    where the only variance is between repeated runs of the same thing (the speed benchmark's timings)."""
    from scipy import stats

    d = np.asarray(differences, dtype=float)
    mean = float(d.mean())
    if len(d) < 2:
        return float("nan"), mean, float("nan")
    half = float(stats.t.ppf((1 + confidence) / 2, len(d) - 1) * d.std(ddof=1) / np.sqrt(len(d)))
    return mean - half, mean, mean + half


def counts(n: int, replicates: int, rng: np.random.Generator) -> np.ndarray:
    """(replicates, n): how often each of n items is drawn in each bootstrap replicate."""
    return rng.multinomial(n, np.full(n, 1 / n), size=replicates).astype(float)


def weighted_scores(metric: str, y: np.ndarray, p: np.ndarray, w: np.ndarray) -> np.ndarray:
    """``metric`` of probabilities p for labels y, once per row of the weights w (replicates, texts); NaN where a
    row leaves too few texts (no text, or, for balanced accuracy and ROC-AUC, only one class)."""
    y = np.asarray(y).astype(bool)
    w = np.atleast_2d(w)
    with np.errstate(invalid="ignore", divide="ignore"):
        if metric == "accuracy":
            return w @ ((p > 0.5) == y) / w.sum(1)
        if metric == "balanced_accuracy":
            hit = (p > 0.5) == y
            return 0.5 * (w[:, y] @ hit[y] / w[:, y].sum(1) + w[:, ~y] @ hit[~y] / w[:, ~y].sum(1))
        if metric == "roc_auc":
            return _weighted_auc(y, p, w)
    raise ValueError(f"unknown metric {metric!r}; choose from {', '.join(METRICS)}")


def _weighted_auc(y: np.ndarray, p: np.ndarray, w: np.ndarray) -> np.ndarray:
    """The Mann-Whitney ROC-AUC with text weights: the weighted share of (positive, negative) pairs ranked the right
    way round, ties counting a half. One sort serves every replicate."""
    order = np.argsort(p, kind="stable")
    p, y, w = p[order], y[order], w[:, order]
    ends = np.r_[np.flatnonzero(np.diff(p)), len(p) - 1]  # the last position of each run of equal scores
    group = np.repeat(np.arange(len(ends)), np.diff(np.r_[-1, ends]))
    negative = np.cumsum(w * ~y, axis=1)[:, ends]
    below = np.c_[np.zeros(len(w)), negative[:, :-1]]  # negatives' weight strictly below each run
    ranked = (w * y) * (below[:, group] + 0.5 * (negative - below)[:, group])
    return ranked.sum(1) / ((w * y).sum(1) * (w * ~y).sum(1))


def seed_scores(metric: str, y: np.ndarray, p: np.ndarray, text_weights: np.ndarray,
                masks: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """One arm's ``metric``, seed by seed: its value on every text once (seeds,) and under each replicate's text
    weights (replicates, seeds). p: (seeds, texts) probabilities on the held-out texts; masks: (seeds, texts), the
    texts each seed is scored on (all of them if None)."""
    masks = np.ones(p.shape, dtype=bool) if masks is None else masks
    point = np.array([weighted_scores(metric, y, a, m[None, :].astype(float))[0] for a, m in zip(p, masks)])
    reps = np.array([weighted_scores(metric, y, a, text_weights * m) for a, m in zip(p, masks)]).T
    return point, reps


def paired_difference(arm: tuple, base: tuple, seed_weights: np.ndarray, texts: int) -> dict:
    """The mean over seeds of arm minus base (each a seed_scores pair for the same texts and seeds), with its
    crossed-bootstrap replicates: the texts resampled through seed_scores' weights, the seeds through seed_weights
    (replicates, seeds). A seed with no texts in a replicate is left out of that replicate."""
    point = arm[0] - base[0]
    reps = arm[1] - base[1]
    with np.errstate(invalid="ignore"):
        pooled = np.nansum(reps * seed_weights, 1) / np.sum(seed_weights * ~np.isnan(reps), 1)
    return {"mean": float(np.nanmean(point)), "replicates": pooled, "texts": texts}


def summary(mean: float, replicates: np.ndarray) -> dict:
    """The point estimate, its 95% percentile interval, and a two-sided p-value for "no difference" from the
    bootstrap's standard error (a normal approximation: percentile counts could not go below 1 / REPLICATES, too
    coarse for Holm's adjustment over dozens of cells)."""
    from scipy.stats import norm

    r = np.asarray(replicates, dtype=float)
    r = r[~np.isnan(r)]
    if len(r) < 2:
        return {"mean": mean, "low": float("nan"), "high": float("nan"), "p": float("nan")}
    low, high = np.quantile(r, [LEVEL / 2, 1 - LEVEL / 2])
    spread = r.std(ddof=1)
    p = 2 * norm.sf(abs(mean) / spread) if spread > 0 else float(mean == 0)
    return {"mean": mean, "low": float(low), "high": float(high), "p": float(p)}


def pooled(cells: list[dict]) -> dict:
    """One effect over several cells (tasks, sizes): the mean of their point estimates, and of their replicates
    replicate by replicate. The cells' replicates are independent draws where their texts and seeds are (different
    tasks), and share the text draws where the texts are the same (sizes of one task), so the interval is that of
    the average over these cells: it covers seeds, subsets and texts, not other tasks."""
    summed = summary(float(np.mean([c["mean"] for c in cells])), np.mean([c["replicates"] for c in cells], axis=0))
    return summed | {"cells": len(cells)}


def holm(pvalues: list[float]) -> list[float]:
    """Holm's step-down adjustment: each p-value multiplied by the number of hypotheses not yet rejected, kept
    monotone; a family of comparisons then wrongly calls any difference at most LEVEL of the time."""
    p = np.asarray(pvalues, dtype=float)
    order = np.argsort(p)
    adjusted = np.empty_like(p)
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (len(p) - rank) * p[i]))
        adjusted[i] = running
    return adjusted.tolist()


def wilson(k: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    """Wilson's 95% interval for a proportion k/n: inside [0, 1] even at 0 or n."""
    if n == 0:
        return float("nan"), float("nan")
    share = k / n
    centre = (share + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(share * (1 - share) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return float(max(0.0, centre - half)), float(min(1.0, centre + half))


def compare(y: np.ndarray, arms: dict[str, np.ndarray], base: str, text_weights: np.ndarray,
            seed_weights: np.ndarray, metrics=METRICS, masks: np.ndarray | None = None) -> dict:
    """Every arm but ``base`` against ``base``, per metric (paired_difference); arms: name -> (seeds, texts)
    probabilities. The same replicate weights serve every arm and metric, so pooled effects keep their correlation;
    each arm is scored once."""
    texts = int(masks.sum()) if masks is not None else int(np.prod(arms[base].shape))
    out = {arm: {} for arm in arms if arm != base}
    for metric in metrics:
        scored = {arm: seed_scores(metric, y, p, text_weights, masks) for arm, p in arms.items()}
        for arm in out:
            out[arm][metric] = paired_difference(scored[arm], scored[base], seed_weights, texts)
    return out


def summarised(cells: dict[tuple, dict], family) -> dict[tuple, dict]:
    """Each cell's summary, with its Holm-adjusted p-value within its family: ``family(key)`` names the family of a
    cell's key (the cells one page's table holds for one metric)."""
    summaries = {key: summary(cell["mean"], cell["replicates"]) | {"texts": cell["texts"]}
                 for key, cell in cells.items()}
    for name in {family(key) for key in summaries}:
        keys = [k for k, s in summaries.items() if family(k) == name and not np.isnan(s["p"])]
        for key, adjusted in zip(keys, holm([summaries[k]["p"] for k in keys])):
            summaries[key]["p_holm"] = adjusted
    return summaries
