"""The answer's claims, one line each, and what the results files say about them: holds, holds in part, or does not
hold here. Computed from the results when the site is built, so a changed result changes the verdict."""

from __future__ import annotations

import numpy as np

from embedlab.lab.stats import interval

HOLDS, PART, NOT = "holds", "holds in part", "does not hold here"


def _mean(values) -> float:
    return float(np.mean(values))


def _by_share(higher: int, cases: int) -> str:
    """For claims measured in many paired comparisons: holds if the start is clearly higher in most of them, in part
    if in at least a quarter, else not."""
    return HOLDS if higher > cases / 2 else PART if higher >= cases / 4 else NOT


def _direction(differences) -> int:
    low, _, high = interval(differences)
    return 1 if low > 0 else -1 if high < 0 else 0


def rows_only_move_when_looked_up(results: dict) -> tuple[str, str]:
    movement = results["movement"]["optimizers"]
    unseen = max(max(o["mean_move"]["never in training"]) for o in movement.values())
    verdict = HOLDS if unseen == 0 else NOT
    return verdict, (f"rows of words never in a training batch moved {unseen:g} with SGD and with Adam, "
                     f"after {results['movement']['epochs']} epochs")


def task_table_learns_the_task_not_meaning(results: dict) -> tuple[str, str]:
    """Holds if the polarity table is far from general meaning, has learned polarity (well above chance on the words
    it saw often), and separates polarity better than the published general-text table; in part without the last."""
    spaces = results["two_spaces"]["spaces"]
    polarity = spaces["polarity task (trained from scratch)"]
    glove = spaces["GloVe 6B (published, 6 billion words)"]["metrics"]
    agreement = _mean(polarity["metrics"]["agreement, frequent review words"])
    meaning = _mean(polarity["metrics"]["WordSim353 Spearman"]) < _mean(glove["WordSim353 Spearman"]) - 0.15
    learned = agreement > polarity["details"]["polarity_frequent"]["chance"] + 0.1
    beats = agreement > _mean(glove["agreement, frequent review words"])
    verdict = HOLDS if meaning and learned and beats else PART if meaning and learned else NOT
    return verdict, (
        f"WordSim353 {_mean(polarity['metrics']['WordSim353 Spearman']):.2f} for the polarity table against "
        f"{_mean(glove['WordSim353 Spearman']):.2f} for GloVe 6B; polarity agreement on frequent review words "
        f"{agreement:.2f} (chance {polarity['details']['polarity_frequent']['chance']:.2f}) against "
        f"{_mean(glove['agreement, frequent review words']):.2f} for GloVe 6B")


def pretrained_groups_headlines_by_topic(results: dict) -> tuple[str, str]:
    spaces = results["headlines"]["spaces"]
    glove = _mean(spaces["GloVe 6B average"]["b_nearer_c_than_a"])
    task = _mean(spaces["clickbait model, layer after the Embedding"]["b_nearer_c_than_a"])
    overlap = _mean(spaces["random table average (word overlap only)"]["b_nearer_c_than_a"])
    verdict = (HOLDS if glove > 0.5 > task and glove > overlap else PART if glove > 0.5 > task else NOT)
    return verdict, (f"b nearer c in {glove:.0%} of triples with averaged GloVe 6B, {task:.0%} with the clickbait "
                     f"model, {overlap:.0%} with an untrained random table (word overlap alone)")


def pretrained_start_helps(results: dict) -> tuple[str, str]:
    starts = results["starts"]
    found = {}
    for task, t in starts["tasks"].items():
        for model in starts["models"]:
            found[task, model] = _direction(t["versus_random"][model]["GloVe 6B fine-tuned"]["accuracy"]["differences"])
    higher = sum(d > 0 for d in found.values())
    lower = sum(d < 0 for d in found.values())
    verdict = _by_share(higher, len(found))
    return verdict, (f"all labelled data, fine-tuned GloVe 6B start against the random start: higher in {higher}, "
                     f"lower in {lower}, no clear difference in {len(found) - higher - lower} of {len(found)} "
                     f"task-model pairs (95% intervals of paired differences)")


def word2vec_start_helps_with_little_data(results: dict) -> tuple[str, str]:
    little = results["little_data"]
    small = little["sizes"][:3]
    found = []
    for task in little["tasks"]:
        for init in little["inits"][1:]:
            for n in small:
                runs = little["tasks"][task][init][str(n)]
                random = little["tasks"][task]["random"][str(n)]
                found.append(_direction([a["accuracy"] - b["accuracy"] for a, b in zip(runs, random)]))
    higher, lower = sum(d > 0 for d in found), sum(d < 0 for d in found)
    verdict = _by_share(higher, len(found))
    return verdict, (f"the site's word2vec (2.4 million words), {small[0]}-{small[-1]} labelled texts: higher than "
                     f"the random start in {higher}, lower in {lower} of {len(found)} task-size-start cases")


def unseen_words_gain_from_word2vec(results: dict) -> tuple[str, str]:
    polarity = results["little_data"]["tasks"]["polarity"]
    found = []
    for init in results["little_data"]["inits"][1:]:
        for n in results["little_data"]["sizes"]:
            runs, random = polarity[init][str(n)], polarity["random"][str(n)]
            found.append(_direction([a["unseen_accuracy"] - b["unseen_accuracy"] for a, b in zip(runs, random)]))
    higher = sum(d > 0 for d in found)
    verdict = _by_share(higher, len(found))
    return verdict, (f"held-out sentences whose opinion words were never seen in training: the word2vec starts "
                     f"higher than random in {higher} of {len(found)} start-size cases")


CLAIMS = [  # the answer's claim, the page that measures it, the rule
    ("An Embedding's table is trained by the model's loss like any layer: rows never looked up in training never move",
     "experiments/movement.md", rows_only_move_when_looked_up),
    ("A table trained for a task learns what the task needs (polarity), not general meaning",
     "experiments/two-spaces.md", task_table_learns_the_task_not_meaning),
    ("Pretrained vectors put headlines about the same thing together; a task-trained layer does not",
     "experiments/headlines.md", pretrained_groups_headlines_by_topic),
    ("Starting the Embedding from vectors trained on billions of words helps",
     "experiments/starts.md", pretrained_start_helps),
    ("With little labelled data, starting from word2vec helps", "experiments/little-data.md",
     word2vec_start_helps_with_little_data),
    ("A word2vec start handles words never seen with a label (the Alps and the Himalaya)",
     "experiments/little-data.md", unseen_words_gain_from_word2vec),
]


def verdicts(results: dict) -> list[dict]:
    out = []
    for claim, page, rule in CLAIMS:
        verdict, evidence = rule(results)
        out.append({"claim": claim, "verdict": verdict, "evidence": evidence, "page": page})
    return out
