"""Statistics for paired runs: the same subset, vocabulary and seed under two conditions."""

from __future__ import annotations

import numpy as np


def interval(differences, confidence: float = 0.95) -> tuple[float, float, float]:
    """(low, mean, high): the mean of paired differences and its t-interval; a single value has no interval."""
    from scipy import stats

    d = np.asarray(differences, dtype=float)
    mean = float(d.mean())
    if len(d) < 2:
        return float("nan"), mean, float("nan")
    half = float(stats.t.ppf((1 + confidence) / 2, len(d) - 1) * d.std(ddof=1) / np.sqrt(len(d)))
    return mean - half, mean, mean + half
