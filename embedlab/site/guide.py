"""The numbers behind the decision guide and Home's practical advice, computed from the results files when the site is
built: for each start of the Embedding and each amount of labelled data, one paired effect against the random start,
pooled over the tasks (and sizes) with its 95% interval, and the advice that follows from those effects."""

from __future__ import annotations

from embedlab.experiments.verdicts import (
    PRETRAINED,
    kim_protocol_by_task,
    kim_protocol_pooled,
    points,
    within_margin,
)
from embedlab.lab.bootstrap import excludes_zero
from embedlab.site.findings import and_list, clear_corpus_trends, glove_halving, what_moved, whole_corpus_tokens

FROZEN, RECIPE, TUNED = "GloVe 6B frozen", "GloVe 6B frozen, then fine-tuned", "GloVe 6B fine-tuned"
# How each start is said in advice: "start from published vectors ..."
HOW = {TUNED: "and fine-tune them", FROZEN: "and keep them frozen", RECIPE: "frozen first, then fine-tuned",
       "word2vec fine-tuned": "and fine-tune them"}


def regimes(results: dict) -> dict[str, dict]:
    """Per amount of labelled data, a label and each start's pooled accuracy effect against the random start: the
    little-data experiment's two regimes and the five-starts experiment's full training sets (both models)."""
    little, starts = results["little_data"], results["starts"]
    out = {}
    for key, regime in little["pooled"].items():
        sizes = regime["sizes"]
        out[key] = {"label": f"{sizes[0]:,} to {sizes[-1]:,} labelled texts", "model": "averaging model",
                    "cells": "task and size cells",
                    "effects": {arm: regime[arm]["all"]["accuracy"] for arm in little["arms"][1:] if arm in regime}}
    train = [t["train"] for t in starts["tasks"].values()]
    out["all labels"] = {"label": f"all labelled texts ({min(train):,} to {max(train):,})",
                         "model": "averaging and convolutional models", "cells": "task and model cells",
                         "effects": {start: starts["pooled"][start]["accuracy"]["both models"]
                                     for start in starts["starts"][1:]}}
    return out


def table(results: dict) -> list[dict]:
    """The pooled table, one row per start and amount of data: the effect in points and what it was pooled over."""
    rows = []
    for regime in regimes(results).values():
        for start, effect in regime["effects"].items():
            model = "none: a logistic regression" if start.startswith("logistic") else regime["model"]
            rows.append({"start": start, "data": regime["label"], "model": model, "effect": points(effect),
                         "cells": f"{effect['cells']} {regime['cells']}"})
    return rows


def coverage(results: dict) -> dict[str, float]:
    """Per task, the share of held-out running words that GloVe 6B has a vector for."""
    return {name: t["coverage"]["GloVe 6B"]["token_coverage"] for name, t in results["starts"]["tasks"].items()}


def _few_labels(regime: dict) -> tuple[str, str]:
    effects = {start: regime["effects"][start] for start in PRETRAINED}
    ahead = [start for start in effects if excludes_zero(effects[start]) > 0]
    behind = [start for start in effects if excludes_zero(effects[start]) < 0]
    if not ahead:
        return ("These data show no clear gain from published vectors with few labels.",
                f"With {regime['label']}, averaged over four tasks: "
                + "; ".join(f"{start} {points(e)}" for start, e in effects.items()) + ".")
    best = max(ahead, key=lambda start: effects[start]["mean"])
    vectors = "published vectors" if best.startswith("GloVe") else "vectors pretrained on general text"
    advice = f"Start from {vectors}, {HOW[best]}."
    evidence = (f"With {regime['label']}, averaged over four tasks, {best} scored {points(effects[best])} against a "
                f"random start")
    rest = [start for start in ahead if start != best]
    if len(rest) == len(effects) - 1:
        evidence += ("; every other pretrained start was also clearly ahead of the random start, by less (the table "
                     "above)")
    elif rest:
        evidence += "; also clearly ahead: " + "; ".join(f"{start} {points(effects[start])}" for start in rest)
    if behind:
        evidence += "; clearly behind: " + "; ".join(f"{start} {points(effects[start])}" for start in behind)
    return advice, evidence + "."


def _lots_of_labels(regime: dict, kim: dict, by_task: str) -> tuple[str, str]:
    """Judged on the site's protocol and on Kim's (his CNN trained his way), together."""
    tuned = regime["effects"][TUNED]
    evidence = (f"With {regime['label']}, averaged over four tasks and both models, fine-tuned GloVe 6B scored "
                f"{points(tuned)} against a random start. Trained as Kim trained his convolutional model (10-fold "
                f"cross-validation), fine-tuned GloVe 6B minus a random start was {by_task}; "
                f"{points(kim)} averaged over the two.")
    signs = {excludes_zero(tuned), excludes_zero(kim)}
    if within_margin(tuned) and within_margin(kim):
        return "Train the table from scratch or fine-tune published vectors: expect less than a point between them.", \
            evidence
    if within_margin(tuned) and excludes_zero(kim) > 0:
        return ("Fine-tune published vectors: on average no worse than a random start, and ahead in Kim's setting.",
                evidence)
    if 1 in signs and -1 not in signs:
        return "Fine-tune published vectors.", evidence
    if -1 in signs and 1 not in signs:
        return "A random start did better than fine-tuned published vectors.", evidence
    return "No firm answer from these data: the intervals reach past a point either way.", evidence


def _freezing(few: dict, more: dict, full: dict, kim: str) -> tuple[str, str]:
    by = {regime["label"]: regime["effects"][FROZEN] for regime in (few, more, full)}
    evidence = "Frozen GloVe 6B against a random start: " + "; ".join(
        f"with {label}, {points(e)}" for label, e in by.items()) + (
        f". Trained as Kim trained his convolutional model, frozen GloVe 6B minus a random start: {kim}.")
    signs = [excludes_zero(e) for e in by.values()]
    if signs[0] > 0 and signs[-1] < 0:
        return "Freeze published vectors only while labels are few; with thousands, let them train.", evidence
    if all(s < 0 for s in signs):
        return "Do not freeze the table.", evidence
    return "Freezing helped or hurt depending on the amount of data: see the table.", evidence


def advice(results: dict) -> dict[str, tuple[str, str]]:
    """The guide's recommendations as (advice, evidence) sentences, chosen by fixed rules from the pooled effects of
    regimes(); Home and the guide print the same ones."""
    r = regimes(results)
    return {"few_labels": _few_labels(r["few labels"]),
            "lots_of_labels": _lots_of_labels(r["all labels"], kim_protocol_pooled(results, "non-static"),
                                              kim_protocol_by_task(results, "non-static")),
            "freezing": _freezing(r["few labels"], r["more labels"], r["all labels"],
                                  kim_protocol_by_task(results, "static"))}


def _size(effect: dict) -> str:
    """An effect's size in plain words: "8.4 points"."""
    return f"{abs(100 * effect['mean']):.1f} points"


def _few_plainly(regime: dict) -> str:
    effects = {start: regime["effects"][start] for start in PRETRAINED}
    ahead = {start: e for start, e in effects.items() if excludes_zero(e) > 0}
    if not ahead:
        return "Published vectors gave no clear gain over a random start here, so try both."
    best = max(ahead, key=lambda start: ahead[start]["mean"])
    said = (f"Start from published vectors, {HOW[best]}: averaged over four tasks, that start scored "
            f"{_size(ahead[best])} of accuracy above a random one.")
    frozen = ahead.get(FROZEN)
    if best != FROZEN and frozen and ahead[best]["mean"] - frozen["mean"] < 0.015:
        said += f" Keeping them frozen throughout did nearly as well ({_size(frozen)})."
    return said


def _thousands_plainly(more: dict, full: dict, kim: dict) -> str:
    tuned, frozen = full["effects"][TUNED], [regime["effects"][FROZEN] for regime in (more, full)]
    said = ""
    recipe = more["effects"].get(RECIPE)
    if recipe and excludes_zero(recipe) > 0:
        said = (f"With {more['label']}, freezing published vectors first and then fine-tuning them was still "
                f"{_size(recipe)} ahead of a random start. ")
    if within_margin(tuned) and excludes_zero(kim) > 0:
        said += (f"With {full['label']}, fine-tuned published vectors and a random start came within a point of "
                 f"each other on average, but with Kim's convolutional model trained his way, fine-tuned vectors were "
                 f"{_size(kim)} ahead on average over two tasks: fine-tune them.")
    elif within_margin(tuned):
        said += (f"With {full['label']}, fine-tuned published vectors and a random start came within a point of "
                 "each other: train the table from scratch or fine-tune, whichever is simpler.")
    elif excludes_zero(tuned) > 0:
        said += f"With {full['label']}, fine-tuned published vectors were {_size(tuned)} ahead of a random start."
    else:
        said += (f"With {full['label']}, these data cannot say whether fine-tuned published vectors or a random "
                 "start is better: try both.")
    if all(excludes_zero(e) < 0 for e in frozen):
        low, high = sorted(abs(100 * e["mean"]) for e in frozen)
        said += f" Do not keep published vectors frozen: that cost {low:.1f} to {high:.1f} points."
    return said


def _coverage_plainly(results: dict) -> str:
    lowest = min(coverage(results).values())
    return ("Count how many of your words the published table has before you choose (the recipe prints it). "
            "Where it lacks many, fastText's vectors, built from character n-grams, give every word one. "
            f"This case was not measured here: GloVe 6B had a vector for at least {100 * lowest:.1f}% of the "
            "running words of every task.")


def situations(results: dict) -> list[dict[str, str]]:
    """Home's advice in plain words: one sentence per situation a reader is in, with the guide's section that holds
    its evidence (the intervals and what they were pooled over)."""
    r = regimes(results)
    return [
        {"situation": f"A few hundred labelled texts or fewer (measured: {r['few labels']['label']})",
         "advice": _few_plainly(r["few labels"]),
         "evidence": "guide.md#you-have-a-few-hundred-labelled-texts-or-fewer"},
        {"situation": "Thousands of labelled texts",
         "advice": _thousands_plainly(r["more labels"], r["all labels"], kim_protocol_pooled(results, "non-static")),
         "evidence": "guide.md#you-have-thousands-of-labelled-texts"},
        {"situation": "Words the published table lacks", "advice": _coverage_plainly(results),
         "evidence": "guide.md#your-vocabulary-and-the-published-one"},
    ]


def _what_moved_the_frozen_gain(results: dict) -> str:
    """The dimension page's answer in one clause: what moved the frozen word2vec start against a random one."""
    d = results["dimension"]
    word2vec = [s for s in d["starts"].values() if s["source"] == "word2vec"]
    whole = whole_corpus_tokens(d)
    below = all(s["arms"]["static"]["gain_over_rand"]["mean"] < 0 for s in word2vec)
    clear = clear_corpus_trends(d)
    at = f" at {and_list(clear)}" if clear else ""
    moved = what_moved(results)
    if moved == "text" and below:
        said = (f"more text clearly narrowed how far the frozen start fell below a random one{at} (it stayed below at "
                "every size), and more dimensions made no clear difference")
    else:
        said = {"text": f"more text clearly raised the frozen start against a random one{at}, and more dimensions "
                        "made no clear difference",
                "dimension": "more dimensions clearly changed the frozen start against a random one, and more text "
                             "made no clear difference",
                None: "neither more text nor more dimensions clearly moved the frozen start against a random one"}[
            moved]
    halved = glove_halving(d)
    if halved is not None and excludes_zero(halved) < 0:
        said += ("; projecting GloVe 6B's vectors onto fewer dimensions (not training them that small) lowered its "
                 "frozen start")
    return f"Varying this site's own word2vec (at most {whole / 1e6:.1f} million tokens of text), {said}"


def protocol_scope(results: dict) -> str:
    """How far Kim's published accuracies with 300-d word2vec are from ours once his protocol is followed, and so
    which vectors the advice speaks for."""
    tasks = results["kim_protocol"]["tasks"].values()
    gaps = [-100 * t["arms"][arm]["versus_published"]["mean"] for t in tasks for arm in ("static", "non-static")]
    reproduced = all(excludes_zero(t["arms"]["rand"]["versus_published"]) == 0 for t in tasks)
    closest = max(abs(100 * t["arms"]["rand"]["versus_published"]["mean"]) for t in tasks)
    model = (f"a random start lands within {closest:.1f} points of his numbers, but" if reproduced else
             "even a random start differs from his numbers, and")
    return (f"Kim's published accuracies with 300-dimensional word2vec vectors are higher than ours. Trained the way "
            f"his code trains his convolutional model, {model} GloVe 6B's frozen and fine-tuned arms stay "
            f"{min(gaps):.1f} to {max(gaps):.1f} points below his ([Kim's protocol](experiments/kim-protocol.md)). "
            "So the advice here is for vectors like GloVe 6B's 50 dimensions; vectors like his may help more. "
            + _what_moved_the_frozen_gain(results)
            + " ([Dimension and corpus size](experiments/dimension.md)).")
