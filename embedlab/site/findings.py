"""The "what this shows" sentences of the five-starts and little-data pages, and the format of one compared cell in
their tables, computed from the results files when the site is built."""

from __future__ import annotations

import numpy as np

from embedlab.experiments.little_data import REGRESSION
from embedlab.experiments.verdicts import NEGLIGIBLE, points, within_margin
from embedlab.lab.bootstrap import excludes_zero, said
from embedlab.lab.stats import LEVEL, holm

BELOW, INSIDE, ABOVE = "below", "inside", "above"


def cell(effect: dict, counted: bool = True) -> str:
    """One compared cell for a table, in accuracy points: "+1.2 (-0.3 to +2.6)", bold where Holm's adjustment over
    the table keeps it clearly away from zero; a cell with too few texts to count says so."""
    if np.isnan(effect["mean"]):
        return "no such texts"
    if not counted:
        return f"{100 * effect['mean']:+.1f} (too few texts)"
    text = f"{100 * effect['mean']:+.1f} ({100 * effect['low']:+.1f} to {100 * effect['high']:+.1f})"
    return f"**{text}**" if effect.get("p_holm", 1.0) < LEVEL else text


def starts(results: dict) -> list[str]:
    """The five-starts page's findings, one bullet each."""
    r = results["starts"]
    pooled = {start: r["pooled"][start]["accuracy"] for start in r["starts"][1:]}

    def both(start: str) -> str:
        p = pooled[start]
        return (f"{points(p['both models'])} over both models; the averaging model alone {points(p['average'])}, "
                f"the convolutional one {points(p['cnn'])}")

    regression = [d["accuracy"] for t in r["tasks"].values() for d in t["versus_logistic_regression"].values()]
    lowest = min(regression, key=lambda d: d["mean"])
    short = sum(d.get("p_holm", 1.0) < LEVEL and d["mean"] < 0 for d in regression)
    tuned = pooled["GloVe 6B fine-tuned"]["both models"]
    little = within_margin(tuned)
    capped = sum(r["capped"].values())
    runs = len(r["tasks"]) * len(r["models"]) * len(r["starts"]) * len(r["settings"]["seeds"])
    return [
        f"**Fine-tuned GloVe 6B**, against a random start of the same model, averaged over the four tasks: "
        f"{both('GloVe 6B fine-tuned')}. "
        + ("With every labelled text, the interval rules out a gain or a loss of more than a point."
           if little else "The interval reaches past a point, so these data do not rule out a real difference."),
        f"**Frozen GloVe 6B**: {both('GloVe 6B frozen')}. A frozen table cannot adapt its rows to the task.",
        f"**Frozen, then fine-tuned** (the recipe of [loading published vectors](../pretrained.md)): "
        f"{both('GloVe 6B frozen, then fine-tuned')}. {_recipe(r)}",
        f"**This site's word2vec**, trained on a few million words: frozen {both('word2vec frozen')}; fine-tuned "
        f"{both('word2vec fine-tuned')}.",
        f"**Optimisation or information?** The frozen averaging model against a logistic regression on the same "
        f"averaged vectors: at worst {points(lowest)}, and clearly below it after Holm's adjustment "
        f"in {short} of {len(regression)} task and table pairs. "
        + ("So what limits a frozen start here is what its vectors hold, not its training."
           if short == 0 else "There, its training (Adam on one sigmoid unit, stopped once the validation loss "
                              "improved by less than 0.001 per epoch), not its vectors, limits it."),
        f"**Convergence.** Every run trained until its validation loss stopped improving by 0.001 for two epochs; "
        f"{capped} of {runs} runs reached the {r['settings']['max_epochs']}-epoch cap instead.",
    ]


def _recipe(r: dict) -> str:
    """The recipe against fine-tuning GloVe 6B from the start, over the task and model cells."""
    cells = [c["accuracy"] for t in r["tasks"].values() for c in t["recipe_versus_fine_tuned"].values()]
    clear = [c for c in cells if c.get("p_holm", 1.0) < LEVEL]
    means = [100 * c["mean"] for c in cells]
    apart = ("none of them clearly apart from zero" if not clear else
             f"{len(clear)} clearly apart from zero after Holm's adjustment")
    return (f"Against fine-tuning GloVe 6B from the start, its differences in accuracy run from {min(means):+.1f} to "
            f"{max(means):+.1f} points over the {len(cells)} task and model cells, {apart}.")


def _regime(results: dict, regime: str, subset: str, metric: str) -> dict:
    little = results["little_data"]
    pooled = little["pooled"][regime]
    return {arm: pooled[arm][subset][metric] for arm in little["arms"][1:] if metric in pooled[arm][subset]}


def little_data(results: dict) -> list[str]:
    """The little-data page's findings, one bullet each, from the effects pooled per regime."""
    little = results["little_data"]
    few, more = little["pooled"]["few labels"]["sizes"], little["pooled"]["more labels"]["sizes"]
    out = []
    for regime, sizes in (("few labels", few), ("more labels", more)):
        effects = _regime(results, regime, "all", "accuracy")
        best = max(effects, key=lambda arm: effects[arm]["mean"])
        parts = "; ".join(f"{arm} {points(e)}" for arm, e in effects.items())
        out.append(f"**{sizes[0]:,} to {sizes[-1]:,} labelled texts**, every held-out text, accuracy minus a random "
                   f"start's averaged over the four tasks and these sizes: {parts}. "
                   + (f"The largest gain is {best}'s." if excludes_zero(effects[best]) > 0
                      else "No arm is clearly above the random start."))
    unseen = _regime(results, "few labels", "unseen", "balanced_accuracy")
    if unseen:
        cells = next(iter(unseen.values()))["cells"]
        parts = "; ".join(f"{arm} {points(e)}" for arm, e in unseen.items())
        out.append(f"**The Alps and Himalaya test**, up to {few[-1]} labelled texts: on held-out texts whose key "
                   f"words never occur in training, balanced accuracy minus a random start's, averaged over the "
                   f"{cells} task and size cells with at least {little['min_cell_texts']} such texts: {parts}.")
    else:
        out.append(f"**The Alps and Himalaya test** has no cell with {little['min_cell_texts']} or more texts up to "
                   f"{few[-1]} labelled texts, so it decides nothing here.")
    frozen = [t["frozen_versus_regression"][str(n)]["all"]["accuracy"] for t in little["tasks"].values()
              for n in little["settings"]["sizes"]]
    out.append(f"**Optimisation or information?** Frozen GloVe 6B inside the network against a logistic regression "
               f"on the same averaged vectors (its regularisation chosen within the subset): "
               f"{_network_against_regression(frozen, _regime(results, 'few labels', 'all', 'accuracy'), few)}")
    capped = little["capped"]
    out.append(f"**Budgets.** {capped} of the chosen budgets sit at the {little['settings']['max_epochs']}-epoch "
               f"end of the grid{', so those arms might have gained from longer training' if capped else ''}.")
    return out


def _network_against_regression(cells: list[dict], few_effects: dict, few: list[int]) -> str:
    """What the frozen network against the regression on its vectors shows: the cells clear of zero after Holm, and
    whether the two gain as much over a random start when labels are few (their pooled means within NEGLIGIBLE: the
    gain is the vectors'; the network's training then costs what the clear cells below zero say)."""
    means = [100 * d["mean"] for d in cells]
    clear = [100 * d["mean"] for d in cells if d.get("p_holm", 1.0) < LEVEL]
    below = [m for m in clear if m < 0]
    held = f"{len(clear) or 'none'} of them clear of zero after Holm's adjustment"
    if clear and len(below) == len(clear):
        held += f", all with the network below the regression (by up to {-min(below):.1f} points)"
    elif clear:
        held += f", {len(below)} with the network below the regression and {len(clear) - len(below)} above"
    network, regression = few_effects["GloVe 6B frozen"], few_effects[REGRESSION]
    close = abs(network["mean"] - regression["mean"]) < NEGLIGIBLE
    gains = (f"With {few[0]} to {few[-1]:,} labelled texts the two gain "
             f"{'about as much' if close else 'different amounts'} over a random start, averaged over the tasks "
             f"(network {points(network)}, regression {points(regression)})")
    reading = (": the gain comes from what the vectors hold"
               + (", and the network's training costs a little where it falls below the regression." if below
                  else ".")) if close else "."
    return (f"differences from {min(means):+.1f} to {max(means):+.1f} points over the {len(cells)} task and size "
            f"cells, {held}. {gains}{reading}")


MAP_DROP = 0.03  # a same-polarity share that moves less than this between a space and its map "changes little"


def map_polarity(results: dict) -> str:
    """Whether the maps keep each space's same-polarity share of neighbours, and its order among the spaces."""
    spaces = results["map"]["spaces"]
    moved = {name: s["agreement"] - s["agreement_2d"] for name, s in spaces.items()}
    kept = [name for name, d in moved.items() if abs(d) < MAP_DROP]
    if len(kept) == len(moved):
        return ("The polarity shares change little between each space and its map, so what the maps show about "
                "polarity is in the vectors, not made by the projection.")
    changed = "; ".join(f"{name} {'loses' if moved[name] > 0 else 'gains'} {100 * abs(moved[name]):.0f} points "
                        f"({spaces[name]['agreement']:.3f} in the space, {spaces[name]['agreement_2d']:.3f} on the "
                        f"map)" for name in moved if name not in kept)
    order = [sorted(spaces, key=lambda n: spaces[n][key]) for key in ("agreement", "agreement_2d")]
    return ((f"The polarity shares change little for {' and '.join(kept)}, but " if kept else "The polarity shares "
             "change on every map: ") + changed
            + (", which changes the order of the spaces" if order[0] != order[1] else "")
            + ". Compare the spaces by the full-space row, not by the maps.")


def adam_and_frequency(results: dict) -> str:
    """The site's one account of how far a row moves with its word's frequency under Adam and SGD, from the movement
    experiment: the pages that touch on it quote this sentence rather than their own shorter runs."""
    r = results["movement"]
    frequent, rare = "frequent (50+ times)", "rare (1-4)"

    def ratios(optimizer: str) -> list[float]:
        moves = r["optimizers"][optimizer]["mean_move"]
        return [a / b for a, b in zip(moves[rare], moves[frequent], strict=True)]

    adam, sgd = ratios("Adam (rate 0.001)"), ratios("SGD (rate 1.0)")
    epochs = r["epochs"]
    overtaken = next((epoch for epoch, ratio in enumerate(adam, 1) if ratio >= 1), None)
    said = (f"Measured on the sentence-polarity classifier over {epochs} epochs: with SGD a rare word's row (1 to 4 "
            f"uses) moves a fraction of a frequent word's (50 or more uses; {sgd[-1]:.2f} times as far after {epochs} "
            f"epochs). With Adam, frequent rows move first ({adam[0]:.2f} times as far for a rare row after one "
            "epoch) and then settle, while rare rows keep moving")
    if overtaken:
        return said + (f": they overtake the frequent rows in epoch {overtaken} and end {adam[-1]:.2f} times as far "
                       "from their start. How far rows move under Adam therefore depends on how long you train.")
    return said + (f", and end {adam[-1]:.2f} times as far from their start. How far rows move under Adam therefore "
                   "depends on how long you train.")


def _against(r: dict, first: str, second: str, measure: str) -> str:
    """One paired difference of the objective page, said with its interval."""
    return said(r["differences"][first][second][measure], "+.2f")


def _clearly(summary: dict) -> str:
    return {1: "clearly higher", -1: "clearly lower", 0: "not clearly different"}[excludes_zero(summary)]


def objective(results: dict) -> list[str]:
    """The objective-or-data page's findings: the same text under other objectives, the same objective on more text,
    each on polarity (agreement and probe on the frequent review words) and on meaning (WordSim353, SimLex-999)."""
    from embedlab.experiments import objective as o

    r = results["objective"]
    agree, probe = "agreement, frequent review words", "probe, frequent review words"
    same_text = r["differences"][o.TABLE]
    objective_side = [
        f"against {second.split(':')[0]} on the same sentences, the table's polarity agreement on the frequent "
        f"review words is {_clearly(same_text[second][agree])}, {_against(r, o.TABLE, second, agree)}, and its "
        f"probe accuracy {_clearly(same_text[second][probe])}, {_against(r, o.TABLE, second, probe)}"
        for second in (o.W2V_OWN, o.GLOVE_OWN)]
    more_text = [
        f"{first.split(':')[0]} on movie reviews against {first.split(':')[0]} on the table's sentences: agreement "
        f"{_against(r, first, second, agree)}, probe {_against(r, first, second, probe)}"
        for first, second in ((o.W2V_MOVIES, o.W2V_OWN), (o.GLOVE_MOVIES, o.GLOVE_OWN))]
    similarity = r["spaces"][o.TABLE]["details"]["similarity"]
    meaning = [
        f"against {second.split(':')[0]} on the same sentences, the table's WordSim353 is "
        f"{_clearly(same_text[second]['WordSim353 Spearman'])}, {_against(r, o.TABLE, second, 'WordSim353 Spearman')},"
        f" and its SimLex-999 {_clearly(same_text[second]['SimLex-999 Spearman'])}, "
        f"{_against(r, o.TABLE, second, 'SimLex-999 Spearman')}" for second in (o.W2V_OWN, o.GLOVE_OWN)]
    return [
        "Same text, other objective: " + "; ".join(objective_side) + ".",
        "Same objective, more text of the same domain: " + "; ".join(more_text) + ". General text instead of movie "
        f"reviews, for word2vec: agreement {_against(r, o.W2V_GENERAL, o.W2V_MOVIES, agree)}.",
        f"Meaning, on the {similarity['wordsim353']['pairs']} WordSim353 and {similarity['simlex999']['pairs']} "
        "SimLex-999 pairs whose words every space here has: " + "; ".join(meaning) + ".",
    ]


def _closest(cosines: list[list[list[float]]]) -> tuple[bool, np.ndarray]:
    """Whether the two news headlines (rows 1 and 2) are the closest pair of the paper's three, on the mean of the
    seeds' cosines, and those mean cosines."""
    mean = np.mean(cosines, axis=0)
    return bool(mean[1][2] > max(mean[0][1], mean[0][2])), mean


def and_list(items: list[str]) -> str:
    """Items as a sentence lists them: "a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def headlines_paper_triple(results: dict) -> str:
    """Three headlines: in which rows of the cosine table the two news headlines are the closest pair, what the
    task-trained layer does with them, and which convolutional model puts them closer."""
    r = results["headlines"]
    rows = {name: space["paper_cosines"] for name, space in r["spaces"].items()}
    rows |= {f"the convolutional model {start}'s whole activation map": m["map_cosines"]
             for start, m in r["paper"]["cnn"].items()}
    closest = {name: c[1][2] > c[0][1] and c[1][2] > c[0][2] for name, c in rows.items()}
    yes, no = [n for n, v in closest.items() if v], [n for n, v in closest.items() if not v]
    if not no:
        where = "in every row of the table"
    elif not yes:
        where = "in no row of the table"
    elif len(no) <= len(yes):
        where = f"in every row of the table except those for {and_list(no)}"
    else:
        where = f"only in {and_list(yes)}"
    task = "clickbait model, layer after the Embedding"
    pulled = r["spaces"][task]["b_nearer_c_than_a"]["stems"]["across labels"]["high"] < 0.5
    said = (f"The two news headlines are the closest pair {where}. A space that groups by topic should put them "
            "together, but so should one that groups by label: the two headlines about ice and snow are both news. "
            "So this triple cannot tell the two readings apart")
    if closest[task] and pulled:
        said += (", and indeed the averaging clickbait model, which by the measurement below puts a headline nearer "
                 "another of its label than one on its topic, puts them together too")
    glove = r["spaces"]["convolutional clickbait model from GloVe 6B, max-pooled"]["paper_cosines"][1][2]
    scratch = r["spaces"]["convolutional clickbait model from scratch, max-pooled"]["paper_cosines"][1][2]
    closer = ("the model started from GloVe 6B puts them closer, as the paper's figure does" if glove > scratch else
              "the model trained from scratch puts them closer, the opposite of the paper's figure")
    return (said + f". The two news headlines have cosine {glove:.2f} in the convolutional model started from GloVe 6B "
            f"and {scratch:.2f} in the one trained from scratch (max-pooled features): {closer}.")


def metric_against_classifier(results: dict) -> list[dict]:
    """Per start and pairing, where b and c share no content word: the share of triples with b nearer c in the
    learned metric (with its interval) and in the classifier's convolutional model of Three headlines."""
    from embedlab.experiments import metric as m

    r, classifier = results["metric"], results["headlines"]["spaces"]
    return [{"start": start, "pairing": pairing,
             "metric": r["spaces"][m.space_name(start)]["b_nearer_c_than_a"]["stems"][pairing],
             "classifier": classifier[f"convolutional clickbait model {start}, max-pooled"]["b_nearer_c_than_a"][
                 "stems"][pairing]}
            for pairing in ("within one label", "across labels") for start in m.CNN_STARTS]


def metric(results: dict) -> list[str]:
    """The metric-learning page's findings: the paper's three headlines, the many triples against the classifier's
    convolutional model, and how well the distance learned the labels."""
    from embedlab.experiments import metric as m

    r = results["metric"]
    soups, first, second = r["paper"]["headlines"]
    seeds = r["spaces"][m.space_name(m.CNN_STARTS[0])]["seeds"]
    paper = []
    for start in m.CNN_STARTS:
        closest, mean = _closest(r["spaces"][m.space_name(start)]["paper_cosines"])
        paper.append(f"in the encoder {start}, {first}–{second} {mean[1][2]:.3f}, {soups}–{first} {mean[0][1]:.3f} "
                     f"and {soups}–{second} {mean[0][2]:.3f}, so the two news headlines are "
                     f"{'' if closest else 'not '}the closest pair")
    within = [row for row in metric_against_classifier(results) if row["pairing"] == "within one label"]
    below = [row["start"] for row in within if row["metric"]["high"] < row["classifier"]["mean"]]
    above = [row["start"] for row in within if row["metric"]["low"] > row["classifier"]["mean"]]
    if len(below) == len(within):
        pattern = "less often than the classifier's convolutional model did, from either start"
    elif len(above) == len(within):
        pattern = "more often than the classifier's convolutional model did, from either start"
    else:
        pattern = "about as often as the classifier's convolutional model, or more or less often depending on the start"
    auc = {start: np.mean(r["pair_auc"][m.space_name(start)]) for start in m.CNN_STARTS}
    across = [row for row in metric_against_classifier(results) if row["pairing"] == "across labels"]
    by_label = []
    if all(row["metric"]["high"] < 0.5 for row in across):
        by_label = [
            "The learned metric groups headlines by label: across labels, where a has b's label and c the other, "
            "b was nearer c than a in only " + " and ".join(f"{said(row['metric'], '.0%')} in the encoder "
                                                             f"{row['start']}" for row in across)
            + ". Two news headlines close together and a clickbait one far away, as in the paper's figure, is "
            "what such a metric draws for any two news headlines and a clickbait one; it does not show that the two "
            "share a topic."]
    return [
        f"The paper's three headlines, cosines averaged over {seeds} seed{'s' if seeds > 1 else ''}: "
        + "; ".join(paper) + ". Three headlines are one example.",
        "On the many triples in which b and c share no content word and all three have one label, where neither the "
        f"words nor the label can decide, the learned metric put b nearer c {pattern} (the table below; the "
        "classifier was trained once, so its share has no interval of its own and counts as different only where the "
        "metric's interval excludes it).",
        "How well the distances learned the labels: on random pairs of held-out headlines, minus the distance tells "
        "same-label from other-label pairs with a ROC-AUC of "
        + " and ".join(f"{value:.2f} in the encoder {start}" for start, value in auc.items())
        + " (0.5 is chance).",
        *by_label,
    ]


def _gap(effect: dict) -> str:
    """A difference over folds in accuracy points, with its interval; with one fold (quick runs), without."""
    if np.isnan(effect["low"]):
        return f"{100 * effect['mean']:+.1f} points (one fold: no interval)"
    return points(effect)


def _where(effect: dict, of: str) -> str:
    """Whether a difference over folds from ``of`` is clearly below, clearly above or inside its interval."""
    if np.isnan(effect["low"]):
        return f"one fold cannot say whether it differs from {of}"
    return {1: f"clearly above {of}", -1: f"clearly below {of}", 0: f"not clearly different from {of}"}[
        excludes_zero(effect)]


TASK_NAMES = {"polarity": "sentence polarity (MR)", "subjectivity": "subjectivity (SUBJ)"}


def _arm_gains(t: dict, arms=("static", "non-static")) -> str:
    return ", ".join(f"{arm} {_gap(t['arms'][arm]['versus_rand'])}" for arm in arms)


def kim_protocol_lead(results: dict) -> str:
    """The Kim's-protocol page's takeaway, for its first screen: each task's pretrained arms over CNN-rand, beside
    Kim's."""
    r = results["kim_protocol"]
    ours = "; ".join(f"on {TASK_NAMES[task]} {_arm_gains(t)}" for task, t in r["tasks"].items())
    his = "; ".join(f"on {task} {', '.join(f'{100 * t[arm]:+.1f}' for arm in ('static', 'non-static'))}"
                    for task, t in ((task, t["published_gain_over_rand"]) for task, t in r["tasks"].items()))
    return (f"**In short**: trained Kim's way, GloVe 6B 50-d, frozen (static) or trained (non-static), minus a random "
            f"start: {ours}. Kim's word2vec 300-d added, in the same order, {his} points.")


def kim_protocol(results: dict) -> list[str]:
    """The Kim's-protocol page's findings: the rand arm against Kim's, the pretrained arms against his, and their
    gain over rand against his; then the site's own word2vec at 300-d from the dimension experiment."""
    r = results["kim_protocol"]
    out = []
    rand = [f"on {TASK_NAMES[task]} {said(t['arms']['rand']['accuracy'])} against Kim's "
            f"{t['arms']['rand']['published']:.3f}, {_where(t['arms']['rand']['versus_published'], 'his number')}"
            for task, t in r["tasks"].items()]
    apart = [t["arms"]["rand"]["versus_published"] for t in r["tasks"].values()]
    if any(np.isnan(d["low"]) for d in apart):
        then = "With one fold, this cannot say whether the model and protocol reproduce his."
    elif all(excludes_zero(d) == 0 for d in apart):
        then = (f"Where no pretrained vectors enter, the model and protocol here land within "
                f"{max(abs(100 * d['mean']) for d in apart):.1f} points of his numbers, inside these intervals (his "
                "numbers come from one 10-fold run and have noise of their own, which these intervals leave out). "
                "So what separates the pretrained arms from his lies mostly in the vectors, and in the departures "
                "listed above.")
    else:
        then = ("So even without pretrained vectors the model and protocol here do not reproduce his numbers, and "
                "not all of the pretrained arms' distance from his lies in the vectors.")
    out.append("**No pretrained vectors, CNN-rand**: " + "; ".join(rand) + ". " + then)
    for task, t in r["tasks"].items():
        arms = [f"CNN-{arm} {said(t['arms'][arm]['accuracy'])}, {_gap(t['arms'][arm]['versus_published'])} from his "
                f"{t['arms'][arm]['published']:.3f}" for arm in r["arms"][1:]]
        gains = [f"{arm} {_gap(t['arms'][arm]['versus_rand'])} (his {100 * t['published_gain_over_rand'][arm]:+.1f})"
                 for arm in r["arms"][1:]]
        out.append(f"**{TASK_NAMES[task][0].upper()}{TASK_NAMES[task][1:]}, GloVe 6B 50-d**: " + "; ".join(arms)
                   + ". Over CNN-rand of the same folds: " + "; ".join(gains) + ".")
    d = results["dimension"]
    own = {arm: s["arms"][arm] for name, s in d["starts"].items() if s["source"] == "word2vec" and s["dim"] == 300
           and s["tokens"] == whole_corpus_tokens(d)
           for arm in s["arms"]}
    if own:
        folds = len(d["settings"]["folds"])
        out.append(f"**The site's own word2vec at 300-d** (2.4 million tokens; sentence polarity, the first {folds} "
                   f"of the same folds, from [Dimension and corpus size](dimension.md)): over CNN-rand of 300 "
                   f"dimensions, static {_gap(own['static']['gain_over_rand'])}, non-static "
                   f"{_gap(own['non-static']['gain_over_rand'])}.")
    epochs = {arm: [e for t in r["tasks"].values() for e in t["arms"][arm]["epochs"]] for arm in r["arms"]}
    every = [e for runs in epochs.values() for e in runs]
    capped = sum(e >= r["protocol"]["max_epochs"] for e in every)
    out.append(f"**Epochs**: runs stopped after {min(every)} to {max(every)} epochs, {capped} of {len(every)} at the "
               f"{r['protocol']['max_epochs']}-epoch cap that Kim's code always runs to; median "
               + ", ".join(f"{arm} {np.median(runs):g}" for arm, runs in epochs.items())
               + ". The pretrained arms stop sooner than rand, so how stopping early rather than running 25 epochs "
               "shifts their differences from rand is not measured here.")
    return out


def _static_gain(d: dict, name: str) -> dict:
    return d["starts"][name]["arms"]["static"]["gain_over_rand"]


def _fold_p(effect: dict, folds: int) -> float:
    """A difference over folds' two-sided p-value, read back from its corrected t-interval (kim_protocol)."""
    from scipy import stats as distributions

    half = effect["high"] - effect["mean"]
    if folds < 2 or not half > 0:
        return float("nan")
    scale = half / distributions.t.ppf(1 - LEVEL / 2, folds - 1)
    return float(2 * distributions.t.sf(abs(effect["mean"]) / scale, folds - 1))


def _holm_signs(effects: dict[str, dict], folds: int) -> dict[str, int]:
    """Each difference over folds (by label) as +1 or -1 where it is clearly apart from zero after Holm's adjustment
    over the set, else 0."""
    adjusted = holm([_fold_p(e, folds) for e in effects.values()])
    return {label: (1 if e["mean"] > 0 else -1) if p < LEVEL else 0 for (label, e), p in zip(effects.items(), adjusted)}


def _sign_words(effects: dict[str, dict], what: str, folds: int) -> str:
    """What differences over folds (by label) say together, each judged after Holm's adjustment over the set: all
    clearly above zero, all clearly below, none clearly apart (and how far the intervals reach), or which are which."""
    if any(np.isnan(e["low"]) for e in effects.values()):
        return f"With one fold, no interval says whether {what} matters."
    signs = _holm_signs(effects, folds)
    family = f"after Holm's adjustment over these {len(effects)}" if len(effects) > 1 else "by its interval"
    if set(signs.values()) == {1}:
        return f"Each is clearly above zero {family}: {what} mattered here."
    if set(signs.values()) == {-1}:
        return f"Each is clearly below zero {family}: {what} mattered here, the other way."
    if set(signs.values()) == {0}:
        widest = max(max(abs(e["low"]), abs(e["high"])) for e in effects.values())
        return (f"None is clearly apart from zero {family}, so {what} made no clear difference here; the intervals "
                f"reach {100 * widest:.1f} points, so they do not rule out a difference of a few points either.")
    groups = {1: "clearly above zero", -1: "clearly below zero", 0: "not clearly apart from zero"}
    said = "; ".join(f"{words}: {', '.join(label for label, sign in signs.items() if sign == key)}"
                     for key, words in groups.items() if key in signs.values())
    return f"{family[0].upper()}{family[1:]}, {said}."


def clear_corpus_trends(d: dict) -> list[str]:
    """The word2vec dimensions (as "50-d") at which more text clearly raised the frozen gain, after Holm's adjustment
    over the dimensions."""
    folds = len(d["settings"]["folds"])
    if folds < 2:
        return []
    signs = _holm_signs({f"{dim}-d": t["per_doubling"] for dim, t in d["trends"]["corpus"].items()}, folds)
    return [label for label, sign in signs.items() if sign == 1]


def what_moved(results: dict) -> str | None:
    """What the dimension experiment found moving the frozen start's gain: "text" (a corpus trend clearly above
    zero after Holm, no clear change with word2vec's dimension), "dimension" (the reverse), or None."""
    d = results["dimension"]
    folds = len(d["settings"]["folds"])
    corpus, dims = d["trends"]["corpus"], d["trends"]["dimension"]
    if not corpus or not dims or folds < 2:
        return None
    by_text = 1 in _holm_signs({dim: t["per_doubling"] for dim, t in corpus.items()}, folds).values()
    by_dim = any(_holm_signs({dim: t["change"] for dim, t in dims.items()}, folds).values())
    return "text" if by_text and not by_dim else "dimension" if by_dim and not by_text else None


def _table_name(d: dict, name: str) -> str:
    """A table as the findings name it: its source, dimension and share of the corpus."""
    s = d["starts"][name]
    if s["source"] != "word2vec":
        return name
    whole = whole_corpus_tokens(d)
    return f"word2vec {s['dim']}-d on {s['tokens'] / whole:.0%} of the corpus"


def _word2vec_gains(d: dict) -> list[float]:
    return [100 * _static_gain(d, n)["mean"] for n, s in d["starts"].items() if s["source"] == "word2vec"]


def whole_corpus_tokens(d: dict) -> int:
    """The tokens of the dimension page's largest word2vec slice: the site's whole general corpus."""
    return max(s["tokens"] for s in d["starts"].values() if s["source"] == "word2vec")


def _times_the_corpus(d: dict) -> float:
    """How many times the site's whole corpus Kim's vectors' text is, to two significant figures (an order of size)."""
    return float(f"{d['published']['tokens'] / whole_corpus_tokens(d):.2g}")


def glove_halving(d: dict) -> dict | None:
    """The change in GloVe 6B's static gain over rand when its dimensions are halved by PCA, paired by fold (None
    where either table was not run)."""
    from embedlab.lab.kim_protocol import corrected_interval

    names = {s["source"]: n for n, s in d["starts"].items()}
    if "GloVe 6B, PCA" not in names or "GloVe 6B" not in names:
        return None

    def gain(name):
        s = d["starts"][name]
        return np.subtract(s["arms"]["static"]["folds"], d["rand"][str(s["dim"])]["folds"])

    return corrected_interval(gain(names["GloVe 6B, PCA"]) - gain(names["GloVe 6B"]), d["test_share"])


def dimension_lead(results: dict) -> str:
    """The dimension-and-corpus page's takeaway, for its first screen: where frozen word2vec stands against rand,
    what moved it, and what that says of Kim's gain."""
    d = results["dimension"]
    gains = _word2vec_gains(d)
    if max(gains) < 0:
        stands = (f"frozen, the site's own word2vec stayed below a random start of the same dimension (rand, a random "
                  f"table trained with the model) in every setting measured (point estimates from {min(gains):+.1f} "
                  f"to {max(gains):+.1f} accuracy points)")
    else:
        stands = (f"frozen, the site's own word2vec came {min(gains):+.1f} to {max(gains):+.1f} accuracy points from "
                  "a random start of the same dimension (rand, a random table trained with the model)")
    folds = len(d["settings"]["folds"])
    corpus, dims = d["trends"]["corpus"], d["trends"]["dimension"]
    if folds < 2 or not corpus or not dims:
        text = f"**In short**: {stands}; with one fold, no interval says what moved it."
    else:
        raised = clear_corpus_trends(d)
        rest = [f"{dim}-d" for dim in corpus if f"{dim}-d" not in raised]
        more_text = (f"more text raised that difference clearly at {and_list(raised)}"
                     + (f" and not clearly at {and_list(rest)}" if rest else "") if raised
                     else "more text raised it clearly at no dimension")
        by_dim = _holm_signs({dim: t["change"] for dim, t in dims.items()}, folds)
        more_dims = ("more dimensions made no clear difference" if not any(by_dim.values())
                     else "more dimensions changed it clearly")
        text = (f"**In short**: {stands}. At the site's corpus sizes, {more_text}, and {more_dims} (each set of "
                "comparisons judged after Holm's adjustment, as below).")
    halved = glove_halving(d)
    if halved is not None:
        reduced = next(s["dim"] for s in d["starts"].values() if s["source"] == "GloVe 6B, PCA")
        text += (f" Cutting GloVe 6B's vectors to their first {reduced} principal components (a projection of its "
                 f"trained vectors, not vectors trained at {reduced}) changed its difference by {_gap(halved)}, "
                 f"{_where(halved, 'zero')}.")
    kim = 100 * (d["published"]["static"] - d["published"]["rand"])
    return (text + f" Kim's text is about {_times_the_corpus(d):,.0f} times this site's corpus, beyond what these "
            f"data measure, so they do not say how much of his {kim:+.1f} points either one accounts for.")


def dimension_design(results: dict) -> str:
    """The word2vec tables the dimension page trains: their dimensions and the corpus slices, as a clause."""
    d = results["dimension"]
    dims = sorted({s["dim"] for s in d["starts"].values() if s["source"] == "word2vec"})
    fractions = [f"{f:.0%}" for f in sorted(d["settings"]["fractions"])]
    return (f"at {and_list([str(dim) for dim in dims])} dimensions, each on nested slices of the general corpus "
            f"holding {and_list(fractions)} of its sentences")


def dimension_rand(results: dict) -> str:
    """The rand arm's accuracy at each dimension, as a sentence."""
    d = results["dimension"]
    return ("The rand arm of each dimension: " + "; ".join(
        f"{dim}-d {said(d['rand'][str(dim)]['accuracy'])}" for dim in sorted(d["settings"]["dims"])) + ".")


def _dimension_epochs(d: dict, patience: int) -> str:
    """How many epochs the dimension page's runs ran, by kind of table and arm."""
    def spread(runs):
        return f"{min(runs)} to {max(runs)}" if min(runs) != max(runs) else f"{min(runs)}"

    kinds = {}
    for s in sorted(d["starts"].values(), key=lambda s: (s["source"] != "word2vec", s["dim"])):
        name = "word2vec" if s["source"] == "word2vec" else f"{s['source']} {s['dim']}-d"
        for arm, a in s["arms"].items():
            kinds.setdefault(f"{arm} {name}", []).extend(a["epochs"])
    return (f"**Epochs run** (each run stops {patience} epochs after its best held-back accuracy, at most "
            f"{d['settings']['max_epochs']}): "
            + "; ".join(f"{kind} {spread(runs)}" for kind, runs in kinds.items())
            + ".")


def dimension(results: dict) -> list[str]:
    """The dimension-and-corpus page's findings: the frozen word2vec tables against rand, the static gain by
    dimension and by corpus size, GloVe 6B and its PCA against word2vec, the non-static arms, and where that leaves
    Kim's gain."""
    from embedlab.lab.kim_protocol import corrected_interval

    d = results["dimension"]
    share, folds = d["test_share"], len(d["settings"]["folds"])
    starts = d["starts"]
    word2vec = {n: s for n, s in starts.items() if s["source"] == "word2vec"}
    whole = whole_corpus_tokens(d)
    by_dim = {s["dim"]: n for n, s in word2vec.items() if s["tokens"] == whole}
    means = _word2vec_gains(d)
    per_fold = np.mean([np.subtract(starts[n]["arms"]["static"]["folds"], d["rand"][str(starts[n]["dim"])]["folds"])
                        for n in word2vec], axis=0)
    out = [f"**Frozen, the site's word2vec against rand of the same dimension**: {min(means):+.1f} to "
           f"{max(means):+.1f} points over its {len(word2vec)} tables (point estimates), "
           f"{_gap(corrected_interval(per_fold, share))} averaged over them."]
    changes = d["trends"]["dimension"]
    if changes:
        out.append(f"**Dimension** (word2vec on the whole {whole / 1e6:.1f} million tokens), static minus rand of the "
                   "same dimension: " + "; ".join(f"{dim}-d {_gap(_static_gain(d, n))}"
                                                  for dim, n in sorted(by_dim.items()))
                   + ". The change from " + "; from ".join(f"{t['from']}-d to {dim}-d: {_gap(t['change'])}"
                                                          for dim, t in changes.items())
                   + ". " + _sign_words({f"{t['from']}-d to {dim}-d": t["change"] for dim, t in changes.items()},
                                        "the dimension", folds))
    corpus = d["trends"]["corpus"]
    if corpus:
        shares = and_list([f"{f:.0%}" for f in sorted(d["settings"]["fractions"])])
        coverages = sorted({s["token_coverage"] for s in word2vec.values()})
        out.append(f"**Corpus size** (nested slices holding {shares} of the corpus), the static gain's change per "
                   "doubling of the tokens: " + "; ".join(f"at {dim}-d {_gap(t['per_doubling'])}"
                                                           for dim, t in corpus.items())
                   + ". " + _sign_words({f"{dim}-d": t["per_doubling"] for dim, t in corpus.items()},
                                        "the amount of text", folds)
                   + f" Over the same slices the vectors' coverage of the polarity sentences' tokens rises from "
                   f"{coverages[0]:.1%} to {coverages[-1]:.1%}, which is part of what more text gives.")
    glove = {s["source"]: n for n, s in starts.items() if s["source"] != "word2vec"}
    if "GloVe 6B" in glove and 50 in by_dim:
        name = glove["GloVe 6B"]
        apart = corrected_interval(np.subtract(starts[name]["arms"]["static"]["folds"],
                                               starts[by_dim[50]]["arms"]["static"]["folds"]), share)
        out.append(f"**6 billion tokens against {whole / 1e6:.1f} million, both 50-d**: static GloVe 6B minus rand "
                   f"{_gap(_static_gain(d, name))}; its accuracy minus static word2vec 50-d's {_gap(apart)} "
                   f"(another objective, other text and a wider vocabulary, {starts[name]['token_coverage']:.1%} of "
                   f"the sentences' tokens against {starts[by_dim[50]]['token_coverage']:.1%}, as well as more text).")
    halved = glove_halving(d)
    if halved is not None:
        reduced, full = glove["GloVe 6B, PCA"], glove["GloVe 6B"]
        said = (f"**Half the dimensions of the same vectors** (GloVe 6B's first {starts[reduced]['dim']} principal "
                f"components): static minus rand of the same dimension {_gap(_static_gain(d, reduced))}, against "
                f"{_gap(_static_gain(d, full))} at {starts[full]['dim']}-d; the change, {_gap(halved)}, is "
                f"{_where(halved, 'zero')}.")
        if excludes_zero(halved) < 0 and what_moved(results) == "text":
            said += (f" This cut goes below the {min(by_dim)} dimensions word2vec started from here, and projects "
                     f"trained vectors rather than training at {starts[reduced]['dim']}, so beside word2vec's gain, "
                     f"which did not clearly change from {min(by_dim)} to {max(by_dim)} dimensions, it does not show "
                     "that dimension matters only with more text.")
        out.append(said)
    tuned = {_table_name(d, n): s["arms"]["non-static"]["gain_over_rand"]
             for n, s in sorted(starts.items(), key=lambda item: item[1]["dim"]) if "non-static" in s["arms"]}
    if tuned:
        out.append("**Trained (non-static)**, minus rand of the same dimension: "
                   + "; ".join(f"{n} {_gap(e)}" for n, e in tuned.items()) + ". " + _sign_words(
                       tuned, "the start of a trained table", folds))
    out.append(_dimension_epochs(d, results["kim_protocol"]["protocol"]["patience"]))
    kim_gain = d["published"]["static"] - d["published"]["rand"]
    ten = results["kim_protocol"]["tasks"].get(d["task"], {}).get("arms", {}).get("static", {}).get("versus_rand")
    if ten is not None:
        ratio = _times_the_corpus(d)
        short = ("falls {:.1f} points short of his".format(100 * (kim_gain - ten["high"])) if ten["high"] < kim_gain
                 else "reaches his")
        cause = what_moved(results)
        if cause == "text":
            glove_tokens = next(s["tokens"] for s in starts.values() if s["source"] == "GloVe 6B")
            glove_text = float(f"{glove_tokens / whole:.2g}")  # to an order of size
            rises = "rises clearly above" if ten["low"] > 0 else "does not clearly rise above"
            moved = (f"Here, at {whole / 1e6:.1f} million tokens or fewer, more text clearly raised word2vec's frozen "
                     f"gain at {and_list(clear_corpus_trends(d))} and its dimension made no clear difference; but "
                     f"GloVe 6B 50-d, with about {glove_text:,.0f} times as much text, {rises} a random start, so "
                     f"these data do not say whether his gain comes from his text (about {ratio:,.0f} times the "
                     f"site's corpus), his {d['published']['dim']} dimensions or both.")
        elif cause == "dimension":
            moved = "Here the dimension moved the frozen start's gain and the amount of text did not."
        else:
            moved = "These data do not single out dimension or amount of text as the cause."
        out.append(f"**Kim's gain**: his static arm is {100 * kim_gain:+.1f} points over his rand arm (300-d, about "
                   f"{d['published']['tokens'] / 1e9:.0f} billion tokens). The nearest frozen start here, GloVe 6B "
                   f"50-d, is {_gap(ten)} over the ten folds of [Kim's protocol](kim-protocol.md): even the upper end "
                   f"of its interval {short}. {moved}")
    return out
