"""Bootstrap intervals for measures that are an average over items (words, analogy questions, headline triples) or a
rank correlation over items (word pairs rated by people), crossed with seeds where a space has several.

Each replicate draws the items with replacement, the same items for every space measured on them, so that the
difference between two spaces stays paired; it draws each space's seeds with replacement too, independently (the
seeds of two spaces are unrelated runs). Intervals are percentile intervals of the replicates.
"""

from __future__ import annotations

import numpy as np

from embedlab.lab.stats import LEVEL, REPLICATES, counts


def draws(items: int, seed: int = 0) -> np.ndarray:
    """(REPLICATES, items): the item indices each replicate draws."""
    return np.random.default_rng(seed).integers(0, items, (REPLICATES, items))


def measure(items: np.ndarray, drawn: np.ndarray | None = None) -> np.ndarray:
    """The measure on all items once (drawn None) or on each replicate's drawn items: the mean of per-item values
    (shape (items,)), or the Spearman correlation of two scores per item (shape (2, items): a space's cosine and
    people's rating)."""
    from scipy.stats import rankdata

    items = np.asarray(items, dtype=float)
    drawn = np.arange(items.shape[-1])[None] if drawn is None else drawn
    if items.ndim == 1:
        return items[drawn].mean(axis=1)
    x, y = (rankdata(row[drawn], axis=1) for row in items)  # ties share their mean rank, as in scipy's spearmanr
    x, y = x - x.mean(1, keepdims=True), y - y.mean(1, keepdims=True)
    with np.errstate(invalid="ignore"):  # a replicate whose drawn scores are all equal has no correlation
        return (x * y).sum(1) / np.sqrt((x * x).sum(1) * (y * y).sum(1))


def crossed(per_seed: list[np.ndarray], drawn: np.ndarray, rng: np.random.Generator) -> tuple[float, np.ndarray]:
    """A space's measure, the mean over its seeds' items, and its replicates: in each, the drawn items, and the
    seeds drawn with replacement by ``rng`` (one generator for all the spaces, so their seed draws are independent)."""
    point = float(np.mean([measure(items)[0] for items in per_seed]))
    by_seed = np.stack([measure(items, drawn) for items in per_seed], axis=1)  # (replicates, seeds)
    return point, (by_seed * counts(len(per_seed), len(drawn), rng)).sum(axis=1) / len(per_seed)


def interval(point: float, replicates: np.ndarray) -> dict:
    """The point estimate and its 95% percentile interval. The ends are rounded to 12 places: a difference of two
    shares whose interval ends at zero must not read as above or below zero by a rounding error."""
    low, high = np.nanquantile(replicates, [LEVEL / 2, 1 - LEVEL / 2])
    return {"mean": float(point), "low": round(float(low), 12), "high": round(float(high), 12)}


def difference(first: tuple[float, np.ndarray], second: tuple[float, np.ndarray]) -> dict:
    """first minus second (crossed() of two spaces on the same drawn items), with its paired percentile interval."""
    return interval(first[0] - second[0], first[1] - second[1])


def excludes_zero(summary: dict) -> int:
    """1 or -1 if an interval lies wholly above or below zero, else 0."""
    return 1 if summary["low"] > 0 else -1 if summary["high"] < 0 else 0


def said(summary: dict, spec: str = ".3f") -> str:
    """An estimate and its interval as a page says it: "0.724 (0.690 to 0.758)"; spec "+.1%p" gives a difference of
    two shares in percentage points, "+12.0 points (+3.0 to +20.0)"."""
    if spec.endswith("%p"):
        low, mean, high = (f"{100 * summary[k]:{spec[:-2]}f}" for k in ("low", "mean", "high"))
        return f"{mean} points ({low} to {high})"
    low, mean, high = (f"{summary[k]:{spec}}" for k in ("low", "mean", "high"))
    return f"{mean} ({low} to {high})"
