"""The speed page's verdict on the Keras SGNS: as fast as gensim with the same quality, judged seed by seed.

Each seed trains both implementations one after the other (benchmarks/speed.py), so their runs are paired; every
criterion is a 95% interval of those paired values, never a comparison of means alone. Computed when the site is
built, so a rerun of the benchmark changes the verdict.
"""

from __future__ import annotations

from embedlab.lab.stats import interval

KERAS = "Keras SGNS (site snippet)"
SPEED = 1.0  # Keras words per second over gensim's, lower end of the interval
MARGIN = 0.02  # similarity correlations: the whole interval of the difference within +-MARGIN


def _criterion(name: str, goal: str, values: list[float], meets) -> dict:
    low, mean, high = interval(values)
    return {"criterion": name, "goal": goal, "values": values, "low": low, "mean": mean, "high": high,
            "meets": bool(meets(low, high))}


def gensim_name(methods: dict) -> str:
    """The name of gensim's row, which says how many worker threads it had."""
    return next(name for name in methods["runs"] if name.startswith("gensim Word2Vec"))


def sgns_goal(methods: dict) -> dict:
    gensim_row = gensim_name(methods)
    keras, gensim = methods["runs"][KERAS], methods["runs"][gensim_row]

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
    return {"criteria": rows, "meets": all(row["meets"] for row in rows), "seeds": len(methods["sgns_speed_ratio"]),
            "gensim": gensim_row}


def noise_sweep(methods: dict) -> list[dict]:
    """The Keras SGNS with more noise words per target word (benchmarks/speed.py's noise sweep): per count, its
    words per second and each quality score minus gensim's on the same seed, with the 95% interval of those paired
    differences (None where a run diverged)."""
    gensim = methods["runs"][gensim_name(methods)]
    rows = []
    for count, runs in methods["noise"].items():
        seeds = len(runs["words_per_second"])
        row = {"noise": int(count), "seeds": seeds, "words_per_second": runs["words_per_second"]}
        for key in ("wordsim353", "simlex999", "analogies"):
            pairs = list(zip(runs[key], gensim[key][:seeds], strict=True))
            if any(k is None for k, _ in pairs):
                row[key] = None
                continue
            low, mean, high = interval([k - g for k, g in pairs])
            row[key] = {"low": low, "mean": mean, "high": high, "keras": [k for k, _ in pairs]}
        rows.append(row)
    return rows


def practical(methods: dict) -> str:
    """The speed page's answer to a reader: how the Keras SGNS compares with gensim in speed and quality, from the
    same paired runs as the criteria (mean and 95% interval over seeds)."""
    goal = sgns_goal(methods)
    speed, wordsim, simlex, analogies = goal["criteria"]
    keras, gensim = methods["runs"][KERAS], methods["runs"][goal["gensim"]]

    def seconds(runs: dict) -> str:
        return f"{sum(runs['seconds']) / len(runs['seconds']):.1f} s"

    def gap(c: dict) -> str:
        return f"{c['mean']:+.3f} (95% interval {c['low']:+.3f} to {c['high']:+.3f})"

    pace = (f"was not clearly faster or slower than gensim's over {goal['seeds']} paired seeds"
            if speed["low"] <= 1 <= speed["high"] else "trained faster than gensim's" if speed["low"] > 1
            else "trained slower than gensim's")
    return (f"On the Brown corpus and {methods['machine']['cores']} CPU cores, the Keras word2vec {pace}: "
            f"{speed['mean']:.2f} times gensim's words per second (95% interval {speed['low']:.2f} to "
            f"{speed['high']:.2f}), {seconds(keras)} against {seconds(gensim)} for the same "
            f"{methods['settings']['EPOCHS']} passes. Its scores, Keras minus gensim: WordSim353 {gap(wordsim)}, "
            f"SimLex-999 {gap(simlex)}, analogy accuracy {gap(analogies)}.{_so(speed, [wordsim, simlex, analogies])}")


def _so(speed: dict, quality: list[dict]) -> str:
    """What follows for a reader who only wants vectors: nothing is gained unless Keras is clearly ahead somewhere."""
    if speed["low"] > 1 or any(c["low"] > 0 for c in quality):
        return ""
    return (" So writing your own gains nothing if all you want is word vectors: on these measurements it was "
            "neither clearly faster nor clearly better, and gensim's is one call.")
