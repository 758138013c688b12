"""The speed page's verdict on the Keras SGNS: as fast as gensim with the same quality, judged seed by seed.

Each seed trains both implementations one after the other (benchmarks/speed.py), so their runs are paired; every
criterion is a 95% interval of those paired values, never a comparison of means alone. Computed when the site is
built, so a rerun of the benchmark changes the verdict.
"""

from __future__ import annotations

from embedlab.lab.stats import interval

KERAS, GENSIM = "Keras SGNS (site snippet)", "gensim Word2Vec, 2 workers"
SPEED = 1.0  # Keras words per second over gensim's, lower end of the interval
MARGIN = 0.02  # similarity correlations: the whole interval of the difference within +-MARGIN


def _criterion(name: str, goal: str, values: list[float], meets) -> dict:
    low, mean, high = interval(values)
    return {"criterion": name, "goal": goal, "values": values, "low": low, "mean": mean, "high": high,
            "meets": bool(meets(low, high))}


def sgns_goal(methods: dict) -> dict:
    keras, gensim = methods["runs"][KERAS], methods["runs"][GENSIM]

    def paired(key: str) -> list[float]:
        return [k - g for k, g in zip(keras[key], gensim[key], strict=True)]

    rows = [
        _criterion("words per second, Keras / gensim", f"interval at or above {SPEED:.1f}",
                   methods["sgns_speed_ratio"], lambda low, high: low >= SPEED),
        _criterion("WordSim353, Keras − gensim", f"interval within ±{MARGIN}", paired("wordsim353"),
                   lambda low, high: -MARGIN <= low and high <= MARGIN),
        _criterion("SimLex-999, Keras − gensim", f"interval within ±{MARGIN}", paired("simlex999"),
                   lambda low, high: -MARGIN <= low and high <= MARGIN),
        _criterion("analogy accuracy, Keras − gensim", "interval not wholly below 0", paired("analogies"),
                   lambda low, high: high >= 0),
    ]
    return {"criteria": rows, "meets": all(row["meets"] for row in rows), "seeds": len(methods["sgns_speed_ratio"])}
