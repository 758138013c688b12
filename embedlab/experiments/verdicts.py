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


def direction(differences) -> int:
    """1, -1 or 0: the 95% interval of the paired differences lies above zero, below it, or includes it."""
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
    unshared = _mean(spaces["GloVe 6B average"]["b_nearer_c_than_a_no_shared_word"])
    verdict = (HOLDS if glove > 0.5 > task and glove > overlap and unshared > 0.5 else PART if glove > 0.5 > task
               else NOT)
    return verdict, (f"b nearer c in {glove:.0%} of triples with averaged GloVe 6B, {task:.0%} with the clickbait "
                     f"model, {overlap:.0%} with an untrained random table (word overlap alone); {unshared:.0%} "
                     f"with GloVe 6B where b and c share no content word")


def pretrained_start_helps(results: dict) -> tuple[str, str]:
    starts = results["starts"]
    found = {}
    for task, t in starts["tasks"].items():
        for model in starts["models"]:
            found[task, model] = direction(t["versus_random"][model]["GloVe 6B fine-tuned"]["accuracy"]["differences"])
    higher = sum(d > 0 for d in found.values())
    lower = sum(d < 0 for d in found.values())
    verdict = _by_share(higher, len(found))
    return verdict, (f"all labelled data, fine-tuned GloVe 6B start against the random start: higher in {higher}, "
                     f"lower in {lower}, no clear difference in {len(found) - higher - lower} of {len(found)} "
                     f"task-model pairs (95% intervals of paired differences)")


def _little_data_cases(results: dict, key: str, sizes) -> list[int]:
    """The direction of each paired difference from the random start, for both GloVe 6B starts, on every task and
    the given sizes (skipping a size where some seed had no such texts)."""
    little = results["little_data"]
    found = []
    for t in little["tasks"].values():
        for start in ("GloVe 6B frozen", "GloVe 6B fine-tuned"):
            for n in sizes:
                runs, random = t["runs"][start][str(n)], t["runs"]["random"][str(n)]
                if all(key in run for run in runs + random):
                    found.append(direction([a[key] - b[key] for a, b in zip(runs, random)]))
    return found


def pretrained_start_helps_with_little_data(results: dict) -> tuple[str, str]:
    small = results["little_data"]["settings"]["sizes"][:3]
    found = _little_data_cases(results, "accuracy", small)
    higher, lower = sum(d > 0 for d in found), sum(d < 0 for d in found)
    return _by_share(higher, len(found)), (
        f"GloVe 6B starts (frozen, fine-tuned), {small[0]}-{small[-1]} labelled texts: higher than the random start "
        f"in {higher}, lower in {lower} of {len(found)} task-size-start cases")


def unseen_words_gain_from_pretrained(results: dict) -> tuple[str, str]:
    found = _little_data_cases(results, "unseen_accuracy", results["little_data"]["settings"]["sizes"])
    higher, lower = sum(d > 0 for d in found), sum(d < 0 for d in found)
    return _by_share(higher, len(found)), (
        f"held-out texts whose key words never occur in training: the GloVe 6B starts higher than random in "
        f"{higher}, lower in {lower} of {len(found)} task-size-start cases")


CLAIMS = [  # the answer's claim, the page that measures it, the rule
    ("An Embedding's table is trained by the model's loss like any layer: rows never looked up in training never move",
     "experiments/movement.md", rows_only_move_when_looked_up),
    ("A table trained for a task learns what the task needs (polarity), not general meaning",
     "experiments/two-spaces.md", task_table_learns_the_task_not_meaning),
    ("Pretrained vectors put headlines about the same thing together; a task-trained layer does not",
     "experiments/headlines.md", pretrained_groups_headlines_by_topic),
    ("Starting the Embedding from vectors trained on billions of words helps",
     "experiments/starts.md", pretrained_start_helps),
    ("With little labelled data, starting from pretrained vectors helps", "experiments/little-data.md",
     pretrained_start_helps_with_little_data),
    ("A pretrained start handles words never seen with a label (the Alps and the Himalaya)",
     "experiments/little-data.md", unseen_words_gain_from_pretrained),
]


def verdicts(results: dict) -> list[dict]:
    out = []
    for claim, page, rule in CLAIMS:
        verdict, evidence = rule(results)
        out.append({"claim": claim, "verdict": verdict, "evidence": evidence, "page": page})
    return out
