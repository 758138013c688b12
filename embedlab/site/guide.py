"""The numbers behind the decision guide and Home's practical advice, computed from the results files when the site is
built: for each start of the Embedding, how often it beat the random start (95% interval of the paired differences
above zero), lost to it (below zero) or could not be told apart, by amount of labelled data and kind of task."""

from __future__ import annotations

from embedlab.experiments.verdicts import direction

# Topic-like tasks: the label follows what a text is about; style-like: how it is written or what it feels.
KINDS = {"topic-like": ("topic", "clickbait"), "sentiment- or style-like": ("polarity", "subjectivity")}


def _tally(directions: list[int]) -> dict:
    return {"higher": directions.count(1), "lower": directions.count(-1), "unclear": directions.count(0),
            "cases": len(directions)}


def all_data(results: dict) -> dict:
    """Every labelled training text (five-starts experiment): each pretrained start against random, over the task x
    model pairs, and the mean gains."""
    starts = results["starts"]
    out = {}
    for start in starts["starts"][1:]:
        pairs = [t["versus_random"][model][start]["accuracy"] for t in starts["tasks"].values()
                 for model in starts["models"]]
        out[start] = _tally([direction(p["differences"]) for p in pairs]) | {
            "best_gain": max(p["mean"] for p in pairs), "worst_gain": min(p["mean"] for p in pairs)}
    return out


def few_labels(results: dict, largest: int = 300) -> dict:
    """Learning curves (little-data experiment) up to ``largest`` labelled texts: each start against random, over the
    tasks and those sizes, overall and by kind of task."""
    little = results["little_data"]
    sizes = [n for n in little["settings"]["sizes"] if n <= largest]
    out = {"sizes": sizes, "seeds": len(little["settings"]["seeds"]), "starts": {}}
    for start in little["starts"][1:]:
        by_kind = {}
        for kind, tasks in KINDS.items():
            directions = [direction([a["accuracy"] - b["accuracy"] for a, b in zip(t["runs"][start][str(n)],
                                                                                  t["runs"]["random"][str(n)])])
                          for name, t in little["tasks"].items() if name in tasks for n in sizes]
            by_kind[kind] = _tally(directions)
        tally = {key: sum(k[key] for k in by_kind.values()) for key in ("higher", "lower", "unclear", "cases")}
        out["starts"][start] = tally | {"by_kind": by_kind}
    glove = [t for start, t in out["starts"].items() if start.startswith("GloVe")]
    out["glove_higher_by_kind"] = {kind: sum(t["by_kind"][kind]["higher"] for t in glove) for kind in KINDS}
    return out


def coverage(results: dict) -> dict[str, float]:
    """Per task, the share of held-out running words that GloVe 6B has a vector for."""
    return {name: t["coverage"]["GloVe 6B"]["token_coverage"] for name, t in results["starts"]["tasks"].items()}


def advice(full: dict, few: dict) -> dict[str, tuple[str, str]]:
    """The guide's recommendations as (advice, evidence) sentences, chosen by fixed rules from the tallies of
    all_data() and few_labels(); Home and the guide print the same ones."""
    tuned, frozen = full["GloVe 6B fine-tuned"], full["GloVe 6B frozen"]
    if tuned["lower"] == 0 and tuned["higher"] <= tuned["cases"] / 4:
        lots = ("Train the table from scratch, or fine-tune published vectors: expect little difference.",
                f"Fine-tuned GloVe 6B was higher than a random start in {tuned['higher']} of {tuned['cases']} "
                f"task and model pairs and never lower; its mean gains lie between {tuned['worst_gain']:+.3f} and "
                f"{tuned['best_gain']:+.3f} accuracy.")
    elif tuned["higher"] > tuned["cases"] / 2:
        lots = ("Start from published vectors and fine-tune them.",
                f"Fine-tuned GloVe 6B was higher than a random start in {tuned['higher']} of {tuned['cases']} "
                f"task and model pairs.")
    else:
        lots = ("No single answer from these data.",
                f"Fine-tuned GloVe 6B was higher than a random start in {tuned['higher']} and lower in "
                f"{tuned['lower']} of {tuned['cases']} task and model pairs.")
    if frozen["lower"] >= frozen["cases"] / 2:
        freeze = ("Do not freeze the table.",
                  f"Frozen GloVe 6B was lower than the random start in {frozen['lower']} of {frozen['cases']} task "
                  f"and model pairs and higher in {frozen['higher']}: a frozen table cannot adapt to the task.")
    else:
        freeze = ("Freezing is an option.",
                  f"Frozen GloVe 6B was lower than the random start in {frozen['lower']} of {frozen['cases']} task "
                  f"and model pairs and higher in {frozen['higher']}.")
    tuned_few, frozen_few = few["starts"]["GloVe 6B fine-tuned"], few["starts"]["GloVe 6B frozen"]
    best = max(tuned_few["higher"], frozen_few["higher"])
    sizes = f"{few['sizes'][0]} to {few['sizes'][-1]} labelled texts"
    if tuned_few["lower"] + frozen_few["lower"] == 0 and best > 0:
        little = ("Published vectors are worth trying, and they did not hurt.",
                  f"With {sizes}, a GloVe 6B start was higher than a random start in up to {best} of "
                  f"{tuned_few['cases']} task and size cases (frozen {frozen_few['higher']}, fine-tuned "
                  f"{tuned_few['higher']}) and lower in none; the other cases (frozen {frozen_few['unclear']}, "
                  f"fine-tuned {tuned_few['unclear']}) could not tell the starts apart with {few['seeds']} seeds.")
    elif best == 0:
        little = ("These data show no gain from published vectors with few labels.",
                  f"With {sizes}, no GloVe 6B start was clearly higher than a random one ({few['seeds']} seeds).")
    else:
        little = ("Mixed: published vectors helped in some cases and hurt in others.",
                  f"With {sizes}, frozen GloVe 6B was higher than a random start in {frozen_few['higher']} and lower "
                  f"in {frozen_few['lower']} of {frozen_few['cases']} task and size cases; fine-tuned, higher in "
                  f"{tuned_few['higher']} and lower in {tuned_few['lower']}.")
    return {"lots_of_labels": lots, "freezing": freeze, "few_labels": little}
