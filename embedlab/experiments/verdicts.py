"""The answer's claims, one line each, and what the results files say about them: holds, holds in part, or does not
hold here. Computed from the results when the site is built, so a changed result changes the verdict."""

from __future__ import annotations

from embedlab.lab.bootstrap import excludes_zero, said

HOLDS, PART, NOT = "holds", "holds in part", "does not hold here"


def rows_only_move_when_looked_up(results: dict) -> tuple[str, str]:
    movement = results["movement"]["optimizers"]
    unseen = max(max(o["mean_move"]["never in training"]) for o in movement.values())
    verdict = HOLDS if unseen == 0 else NOT
    return verdict, (f"rows of words never in a training batch moved {unseen:g} with SGD and with Adam, "
                     f"after {results['movement']['epochs']} epochs")


def task_table_learns_the_task_not_meaning(results: dict) -> tuple[str, str]:
    """Holds if the polarity table knows less general meaning than GloVe 6B (WordSim353), has learned polarity (its
    neighbour agreement on the words it saw often is above chance), separates polarity better than GloVe 6B (the
    same agreement) and better than word2vec and GloVe trained on its own sentences (the objective-or-data control:
    the same text, another objective); in part with the first two only. A comparison counts only if its 95% interval
    excludes no difference: the bootstrap interval of the agreement against the chance level, and paired intervals
    of the differences."""
    r = results["two_spaces"]
    polarity = r["spaces"]["polarity task (trained from scratch)"]
    glove = r["spaces"]["GloVe 6B (published, 6 billion words)"]["intervals"]
    minus = r["differences"]["polarity task (trained from scratch)"]["GloVe 6B (published, 6 billion words)"]
    similarity, agreement = "WordSim353 Spearman", "agreement, frequent review words"
    chance = polarity["details"]["polarity_frequent"]["chance"]
    meaning = excludes_zero(minus[similarity]) < 0
    learned = polarity["intervals"][agreement]["low"] > chance
    beats = excludes_zero(minus[agreement]) > 0
    same_text = results["objective"]["differences"]["polarity table: label, its sentences"]
    objective = {name.split(":")[0]: same_text[name][agreement]
                 for name in ("word2vec: its sentences", "GloVe: its sentences")}
    by_objective = all(excludes_zero(d) > 0 for d in objective.values())
    verdict = HOLDS if meaning and learned and beats and by_objective else PART if meaning and learned else NOT
    return verdict, (
        f"WordSim353 {said(polarity['intervals'][similarity], '.2f')} for the polarity table against "
        f"{said(glove[similarity], '.2f')} for GloVe 6B, a difference of {said(minus[similarity], '+.2f')}; "
        f"on the {polarity['details']['polarity_frequent']['lexicon_words']} lexicon words seen at least "
        f"{r['frequent_threshold']} times in the reviews the table was trained on, where chance is {chance:.2f}, "
        f"polarity agreement {said(polarity['intervals'][agreement], '.2f')} against {said(glove[agreement], '.2f')} "
        f"for GloVe 6B, a difference of {said(minus[agreement], '+.2f')}; the same agreement against vectors trained "
        f"on the table's own sentences, the same text with another objective: "
        + ", ".join(f"{name} {said(d, '+.2f')}" for name, d in objective.items())
        + " (95% bootstrap intervals, paired for the differences)")


def pretrained_groups_headlines_by_topic(results: dict) -> tuple[str, str]:
    """Judged where neither shared words nor the label can decide: b and c share no content word, and a, b, c are
    all news or all clickbait. Holds if averaged GloVe 6B puts b nearer c clearly more often than both word-overlap
    controls and than the task-trained layers, the classifier's and, in the paper's own setting, the metric-learning
    encoder trained from scratch (paired intervals of the differences wholly above zero), and clearly more often than
    both controls across labels too (a with b's label, c the other); in part without the last; else not."""
    r = results["headlines"]
    unshared = {pairing: {name: space["b_nearer_c_than_a"]["stems"][pairing] for name, space in r["spaces"].items()}
                for pairing in ("within one label", "across labels")}
    minus = {pairing: {name: d["stems"][pairing] for name, d in r["differences"]["GloVe 6B average"].items()}
             for pairing in unshared}
    random, tfidf = "random table average (word overlap only)", "TF-IDF of content words (word overlap only)"
    task = "clickbait model, layer after the Embedding"
    metric = results["metric"]["differences"]["GloVe 6B average"]["metric-learning encoder from scratch"]["stems"]
    within = all(excludes_zero(minus["within one label"][name]) > 0 for name in (random, tfidf, task)) and \
        excludes_zero(metric["within one label"]) > 0
    across = all(excludes_zero(minus["across labels"][name]) > 0 for name in (random, tfidf))
    verdict = HOLDS if within and across else PART if within else NOT
    count = {pairing: t["count"] for pairing, t in r["triples"]["stems"].items()}
    share = {pairing: {name: said(x, ".0%") for name, x in found.items()} for pairing, found in unshared.items()}
    lead = {pairing: {name: said(d, "+.1%p") for name, d in found.items()} for pairing, found in minus.items()}
    one, other = share["within one label"], share["across labels"]
    return verdict, (
        f"where b and c share no content word and all three headlines have one label ({count['within one label']} "
        f"triples), averaged GloVe 6B puts b nearer c in {one['GloVe 6B average']}, the untrained random table in "
        f"{one[random]}, TF-IDF in {one[tfidf]} and the clickbait model's layer in {one[task]}: differences "
        f"(GloVe 6B minus each) of {lead['within one label'][random]}, {lead['within one label'][tfidf]} and "
        f"{lead['within one label'][task]}, and against the metric-learning encoder trained from scratch, the "
        f"paper's setting, {said(metric['within one label'], '+.1%p')}; across labels (a with b's label, c with the "
        f"other; "
        f"{count['across labels']} triples), GloVe 6B puts b nearer c in {other['GloVe 6B average']} against "
        f"{other[random]} for the random table and {other[tfidf]} for TF-IDF, differences of "
        f"{lead['across labels'][random]} and {lead['across labels'][tfidf]}")


# The pretrained starts of the little-data experiment, in the order the evidence names them; the first is the
# answer's own advice (initialise the Embedding with published vectors and train on).
PRETRAINED = ("GloVe 6B fine-tuned", "GloVe 6B frozen", "GloVe 6B frozen, then fine-tuned", "word2vec fine-tuned")
# "Little difference" at full data: a pooled interval inside plus or minus this (one accuracy point).
NEGLIGIBLE = 0.01


def points(effect: dict) -> str:
    """A difference in a score as accuracy points with its interval: "+1.2 points (95% interval +0.4 to +2.0)"."""
    return (f"{100 * effect['mean']:+.1f} points (95% interval {100 * effect['low']:+.1f} to "
            f"{100 * effect['high']:+.1f})")


def _pooled_verdict(pooled: dict) -> str:
    """Holds if the answer's own arm (fine-tuned published vectors) is clearly above the random start; in part if
    only another published-vector start is; else not."""
    if excludes_zero(pooled[PRETRAINED[0]]) > 0:
        return HOLDS
    return PART if any(excludes_zero(pooled[start]) > 0 for start in PRETRAINED[1:3]) else NOT


def _starts_sentence(pooled: dict) -> str:
    return "; ".join(f"{start} {points(pooled[start])}" for start in PRETRAINED)


def _other_metrics(by_metric: dict, judged: str) -> str:
    """The metrics the verdict is not judged on, for the answer's own arm: every metric computed is reported."""
    names = {"accuracy": "accuracy", "balanced_accuracy": "balanced accuracy", "roc_auc": "ROC-AUC"}
    return " and ".join(f"{names[m]} {points(e)}" for m, e in by_metric.items() if m != judged)


def pretrained_start_helps_with_little_data(results: dict) -> tuple[str, str]:
    regime = results["little_data"]["pooled"]["few labels"]
    pooled = {start: regime[start]["all"]["accuracy"] for start in PRETRAINED}
    sizes = regime["sizes"]
    return _pooled_verdict(pooled), (
        f"held-out accuracy minus a random start's, averaged over the four tasks and {sizes[0]} to {sizes[-1]} "
        f"labelled texts: {_starts_sentence(pooled)}; for {PRETRAINED[0]}, "
        f"{_other_metrics(regime[PRETRAINED[0]]['all'], 'accuracy')}; the intervals cover seeds, training subsets "
        f"and held-out texts")


def unseen_words_gain_from_pretrained(results: dict) -> tuple[str, str]:
    """Judged on balanced accuracy, since the unseen texts are far from balanced; only cells with enough texts."""
    little = results["little_data"]
    regime = little["pooled"]["few labels"]
    pooled = {start: regime[start]["unseen"].get("balanced_accuracy") for start in PRETRAINED}
    if any(p is None for p in pooled.values()):
        return NOT, (f"no task and size up to {regime['sizes'][-1]} texts had {little['min_cell_texts']} or more "
                     f"held-out texts whose key words never occur in training")
    cells = pooled[PRETRAINED[0]]["cells"]
    return _pooled_verdict(pooled), (
        f"held-out texts whose key words never occur in training, balanced accuracy minus a random start's, "
        f"averaged over the {cells} task and size cells with {little['min_cell_texts']} or more such texts: "
        f"{_starts_sentence(pooled)}; for {PRETRAINED[0]}, "
        f"{_other_metrics(regime[PRETRAINED[0]]['unseen'], 'balanced_accuracy')}; the intervals cover seeds, training "
        f"subsets and held-out texts")


def within_margin(effect: dict) -> bool:
    """Whether an effect's interval lies wholly inside plus or minus NEGLIGIBLE: "little difference"."""
    return -NEGLIGIBLE < effect["low"] and effect["high"] < NEGLIGIBLE


def _against_margin(effect: dict) -> str:
    """Holds if an effect's interval lies within plus or minus NEGLIGIBLE; does not hold if it lies wholly beyond
    the margin, either way; in part otherwise (the interval reaches past the margin)."""
    if within_margin(effect):
        return HOLDS
    return NOT if effect["low"] > NEGLIGIBLE or effect["high"] < -NEGLIGIBLE else PART


def kim_protocol_pooled(results: dict, arm: str) -> dict:
    """An arm's accuracy minus CNN-rand under Kim's protocol, averaged over its tasks: the mean of the tasks' fold
    means, and an interval whose half-width combines the tasks' as independent estimates (sqrt of the sum of squares,
    halved for the mean of two)."""
    import math

    cells = [t["arms"][arm]["versus_rand"] for t in results["kim_protocol"]["tasks"].values()]
    mean = sum(c["mean"] for c in cells) / len(cells)
    half = math.sqrt(sum(((c["high"] - c["low"]) / 2) ** 2 for c in cells)) / len(cells)
    return {"mean": mean, "low": mean - half, "high": mean + half}


def kim_protocol_by_task(results: dict, arm: str) -> str:
    """An arm minus CNN-rand under Kim's protocol, task by task, as the evidence says it."""
    return "; ".join(f"{task} {points(t['arms'][arm]['versus_rand'])}"
                     for task, t in results["kim_protocol"]["tasks"].items())


_ORDER = (NOT, PART, HOLDS)


def full_data_start_matters_little(results: dict) -> tuple[str, str]:
    """Judged twice, and the weaker verdict stands: on fine-tuned published vectors' pooled effect on the site's
    protocol (four tasks, two models) and, as its control, on CNN-non-static against CNN-rand under Kim's own
    protocol (10-fold cross-validation, two tasks); each holds within plus or minus NEGLIGIBLE (_against_margin)."""
    pooled = results["starts"]["pooled"]
    tuned = pooled["GloVe 6B fine-tuned"]["accuracy"]["both models"]
    kim = kim_protocol_pooled(results, "non-static")
    verdict = min(_against_margin(tuned), _against_margin(kim), key=_ORDER.index)
    others = "; ".join(f"{start} {points(pooled[start]['accuracy']['both models'])}"
                       for start in ("GloVe 6B frozen", "GloVe 6B frozen, then fine-tuned", "word2vec fine-tuned"))
    roc = points(pooled["GloVe 6B fine-tuned"]["roc_auc"]["both models"])
    by_task = kim_protocol_by_task(results, "non-static")
    return verdict, (f"all labelled data, accuracy minus a random start's, averaged over four tasks and two models: "
                     f"GloVe 6B fine-tuned {points(tuned)}, in ROC-AUC {roc}; {others}; the intervals cover seeds "
                     f"and held-out texts. Under Kim's own protocol (his CNN, 10-fold cross-validation), fine-tuned "
                     f"GloVe 6B minus a random start: {by_task}; {points(kim)} averaged over the two (intervals over "
                     f"folds)")


CLAIMS = [  # the answer's claim, the page that measures it, the rule
    ("An Embedding's table is trained by the model's loss like any layer: rows never looked up in training never move",
     "experiments/movement.md", rows_only_move_when_looked_up),
    ("A table trained for a task learns what the task needs (polarity), not general meaning",
     "experiments/two-spaces.md", task_table_learns_the_task_not_meaning),
    ("Pretrained vectors put headlines about the same thing together; a task-trained layer does not",
     "experiments/headlines.md", pretrained_groups_headlines_by_topic),
    ("With little labelled data, initialising the Embedding with pretrained vectors (word2vec in the answer) helps",
     "experiments/little-data.md", pretrained_start_helps_with_little_data),
    ("That help reaches words never seen with a label: the model already knows that Alps and Himalaya are alike",
     "experiments/little-data.md", unseen_words_gain_from_pretrained),
    ("Implied for the other case: with plenty of labelled data, a fine-tuned pretrained start matters little",
     "experiments/starts.md", full_data_start_matters_little),
]


def verdicts(results: dict) -> list[dict]:
    out = []
    for claim, page, rule in CLAIMS:
        verdict, evidence = rule(results)
        out.append({"claim": claim, "verdict": verdict, "evidence": evidence, "page": page})
    return out
