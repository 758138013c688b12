"""The decision guide and Home's advice: one pooled effect per start and amount of data, advice that follows its
rules, and both pages showing the same advice, one click from Home."""

import copy
import html
import re

from embedlab.experiments.verdicts import points
from embedlab.site import guide


def _text(page) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", page.read_text())))


def test_table_has_one_pooled_row_per_start_and_amount_of_data(full):
    rows = guide.table(full)
    little, starts = full["little_data"], full["starts"]
    assert len(rows) == 2 * (len(little["arms"]) - 1) + len(starts["starts"]) - 1
    tuned = [row for row in rows if row["start"] == "GloVe 6B fine-tuned"]
    assert tuned[-1]["effect"] == points(starts["pooled"]["GloVe 6B fine-tuned"]["accuracy"]["both models"])
    assert tuned[0]["effect"] == points(little["pooled"]["few labels"]["GloVe 6B fine-tuned"]["all"]["accuracy"])


def _with(results: dict, regime: str, start: str, low: float, high: float) -> dict:
    """Made-up results: one start's pooled effect in one regime set to the interval low..high."""
    out = copy.deepcopy(results)
    effect = {"mean": (low + high) / 2, "low": low, "high": high, "p": 0.01, "cells": 12}
    if regime == "all labels":
        out["starts"]["pooled"][start]["accuracy"]["both models"] = effect
    else:
        out["little_data"]["pooled"][regime][start]["all"]["accuracy"] = effect
    return out


def _kim(results: dict, low: float, high: float) -> dict:
    """Made-up results: CNN-non-static minus CNN-rand under Kim's protocol set to low..high on every task."""
    out = copy.deepcopy(results)
    for t in out["kim_protocol"]["tasks"].values():
        t["arms"]["non-static"]["versus_rand"] = {"mean": (low + high) / 2, "low": low, "high": high}
    return out


def test_advice_follows_its_rules_on_made_up_results(full):
    tuned, frozen = "GloVe 6B fine-tuned", "GloVe 6B frozen"
    assert guide.advice(_with(full, "all labels", tuned, 0.02, 0.04))["lots_of_labels"][0] == \
        "Fine-tune published vectors."
    level = _kim(_with(full, "all labels", tuned, -0.004, 0.004), -0.004, 0.004)
    assert guide.advice(level)["lots_of_labels"][0].startswith("Train the table from scratch or fine-tune")
    ahead_on_kims = _kim(level, 0.01, 0.03)  # Kim's protocol is the control: a clear gain there turns the advice
    assert guide.advice(ahead_on_kims)["lots_of_labels"][0].startswith("Fine-tune published vectors: on average")
    assert "fine-tuned vectors were 2.0 points ahead on average over two tasks: fine-tune them" in \
        guide.situations(ahead_on_kims)[1]["advice"]
    assert "whichever is simpler" in guide.situations(level)[1]["advice"]
    few = _with(full, "few labels", frozen, 0.20, 0.30)  # far ahead of any other start
    assert guide.advice(few)["few_labels"][0] == "Start from published vectors, and keep them frozen."
    nothing = copy.deepcopy(full)
    for start in ("GloVe 6B fine-tuned", frozen, "GloVe 6B frozen, then fine-tuned", "word2vec fine-tuned"):
        nothing = _with(nothing, "few labels", start, -0.01, 0.01)
    assert guide.advice(nothing)["few_labels"][0].startswith("These data show no clear gain")
    freeze = _with(_with(full, "few labels", frozen, 0.05, 0.1), "all labels", frozen, -0.06, -0.03)
    assert guide.advice(freeze)["freezing"][0].startswith("Freeze published vectors only while labels are few")


def test_home_says_each_situation_plainly_and_links_to_its_evidence(site, full):
    """Home: one plain sentence per situation, no interval, each linked to the guide's section; the guide: the
    advice with its evidence."""
    home, page = _text(site / "index.html"), _text(site / "guide" / "index.html")
    raw = (site / "index.html").read_text()
    for situation in guide.situations(full):
        assert situation["advice"] in home and "95% interval" not in situation["advice"]
        anchor = situation["evidence"].replace(".md#", "/#")
        assert f'href="{anchor}"' in raw
        assert f'id="{anchor.split("#")[1]}"' in (site / "guide" / "index.html").read_text()
    for headline, evidence in guide.advice(full).values():
        assert headline in page and evidence in page


def test_home_advice_follows_the_pooled_effects_on_made_up_results(full):
    few = guide.situations(_with(full, "few labels", "GloVe 6B frozen", 0.20, 0.30))[0]["advice"]
    assert few.startswith("Start from published vectors, and keep them frozen") and "25.0 points" in few
    tuned = guide.situations(_with(full, "all labels", "GloVe 6B fine-tuned", 0.02, 0.04))[1]["advice"]
    assert "fine-tuned published vectors were 3.0 points ahead of a random start" in tuned
    nothing = copy.deepcopy(full)
    for start in ("GloVe 6B fine-tuned", "GloVe 6B frozen", "GloVe 6B frozen, then fine-tuned", "word2vec fine-tuned"):
        nothing = _with(nothing, "few labels", start, -0.01, 0.01)
    assert guide.situations(nothing)[0]["advice"].startswith("Published vectors gave no clear gain")


def test_the_scope_says_whether_kims_random_start_was_reproduced(full):
    """The guide's scope sentence: the pretrained arms' distance from Kim's, and whether the model itself (the
    random start) matched his; made-up results turn the second."""
    said = guide.protocol_scope(full)
    gaps = [-100 * t["arms"][arm]["versus_published"]["mean"] for t in full["kim_protocol"]["tasks"].values()
            for arm in ("static", "non-static")]
    assert f"{min(gaps):.1f} to {max(gaps):.1f} points below his" in said
    moved = guide.what_moved(full)
    assert {"text": "more text clearly", "dimension": "more dimensions clearly changed",
            None: "neither more text nor more dimensions"}[moved] in said
    if moved == "text":  # the dimensions where the corpus trend is clear after Holm, and only those
        assert f"one at {guide.and_list(guide.clear_corpus_trends(full['dimension']))}" in said
    halved = guide.glove_halving(full["dimension"])
    assert ("projecting GloVe 6B's vectors onto fewer dimensions" in said) == (halved["high"] < 0)
    off = copy.deepcopy(full)
    off["kim_protocol"]["tasks"]["polarity"]["arms"]["rand"]["versus_published"] = {"mean": -0.05, "low": -0.06,
                                                                                      "high": -0.04}
    assert "even a random start differs from his numbers" in guide.protocol_scope(off)
