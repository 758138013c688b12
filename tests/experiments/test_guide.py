"""The decision guide and Home's advice: tallies that agree with the verdicts' own count, advice that follows its
rules, and both pages showing the same advice, one click from Home."""

import html
import re

from embedlab.experiments import verdicts
from embedlab.site import guide


def _text(page) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", page.read_text())))


def test_tallies_agree_with_the_verdicts_count(full):
    """Two ways of counting the same thing: the guide's tally and the verdict on 'a pretrained start helps'."""
    results = full
    tuned = guide.all_data(results)["GloVe 6B fine-tuned"]
    evidence = verdicts.pretrained_start_helps(results)[1]
    assert f"higher in {tuned['higher']}, lower in {tuned['lower']}" in evidence
    assert tuned["higher"] + tuned["lower"] + tuned["unclear"] == tuned["cases"] == 8
    few = guide.few_labels(results)
    for start, t in few["starts"].items():
        assert t["cases"] == len(results["little_data"]["tasks"]) * len(few["sizes"])
        assert sum(k["higher"] for k in t["by_kind"].values()) == t["higher"]


def test_advice_follows_its_rules_on_made_up_results(full):
    results = full
    for t in results["starts"]["tasks"].values():
        for model in results["starts"]["models"]:
            fine = t["versus_random"][model]["GloVe 6B fine-tuned"]["accuracy"]
            fine["differences"] = [0.05 + 0.001 * i for i in range(len(fine["differences"]))]
    advice = guide.advice(guide.all_data(results), guide.few_labels(results))
    assert advice["lots_of_labels"][0] == "Start from published vectors and fine-tune them."


def test_home_and_guide_show_the_same_advice_and_home_links_to_the_guide(site, full):
    advice = guide.advice(guide.all_data(full), guide.few_labels(full))
    home, page = _text(site / "index.html"), _text(site / "guide" / "index.html")
    for headline, evidence in advice.values():
        assert headline in home and headline in page
        assert evidence in home and evidence in page
    assert 'href="guide/"' in (site / "index.html").read_text()
