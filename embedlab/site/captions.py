"""Each experiment figure's caption: one or two sentences stating what the figure shows, computed from the results
files when the site is built, so that a changed result changes the caption."""

from __future__ import annotations

from embedlab.experiments import verdicts
from embedlab.lab.bootstrap import said
from embedlab.site.macros import pm


def _sentence(text: str) -> str:
    return text[0].upper() + text[1:] + "."


def supervised(results: dict) -> str:
    r = results["supervised"]
    parts = [f"{name}: accuracy {pm(t['accuracy']['runs'])}, F1 {pm(t['f1']['runs'])}, ROC-AUC "
             f"{pm(t['roc_auc']['runs'])}" for name, t in r["tasks"].items()]
    return (f"Trained from a random start, each classifier learns its task ({len(r['seeds'])} seeds, held-out "
            f"texts). " + "; ".join(parts) + ".")


def starts(results: dict) -> str:
    pooled = results["starts"]["pooled"]
    parts = [f"{start} {verdicts.points(pooled[start]['accuracy']['both models'])}"
             for start in ("GloVe 6B fine-tuned", "GloVe 6B frozen")]
    return ("Each start's accuracy minus the random start's, per task and model, with 95% intervals over seeds and "
            "held-out texts. Averaged over tasks and models: " + "; ".join(parts) + ".")


def two_spaces(results: dict) -> str:
    r = results["two_spaces"]
    polarity = r["spaces"]["polarity task (trained from scratch)"]["intervals"]
    glove = r["spaces"]["GloVe 6B (published, 6 billion words)"]["intervals"]

    def both(metric: str) -> str:
        return f"{said(polarity[metric], '.2f')} against {said(glove[metric], '.2f')}"

    words = r["spaces"]["polarity task (trained from scratch)"]["details"]["polarity_frequent"]["lexicon_words"]
    return (f"The polarity table against GloVe 6B, with 95% intervals: WordSim353 {both('WordSim353 Spearman')}; on "
            f"the {words} frequent review words, polarity agreement {both('agreement, frequent review words')} and "
            f"probe accuracy {both('probe, frequent review words')}.")


# The spaces of the headlines figure's bottom row (headlines.DRAWN), as the caption names them.
HEADLINE_PANELS = {"GloVe 6B average": "averaged GloVe 6B",
                   "clickbait model, layer after the Embedding": "the averaging clickbait model",
                   "convolutional clickbait model from GloVe 6B, max-pooled": "the convolutional model from GloVe 6B"}


def headlines(results: dict) -> str:
    """What the figure draws: the paper's three headlines' activation maps (are the two news headlines' maps the
    closest pair?) and the held-out headlines of three spaces with the first shared-word triple across labels
    (how often each space puts b nearer c, its topic, than a, its label)."""
    r = results["headlines"]
    soups, first, second = r["paper"]["headlines"]
    maps = []
    for start, m in r["paper"]["cnn"].items():
        c = m["map_cosines"]
        closest = c[1][2] > max(c[0][1], c[0][2])
        maps.append(f"{'are' if closest else 'are not'} the closest pair in the model {start} (cosine {c[1][2]:.2f}, "
                    f"against {c[0][1]:.2f} and {c[0][2]:.2f} with {soups})")
    triples = r["triples"]["words"]["across labels"]
    shares = {name: r["spaces"][name]["b_nearer_c_than_a"]["words"]["across labels"] for name in HEADLINE_PANELS}
    found = [f"{said(share, '.0%')} for {HEADLINE_PANELS[name]}" for name, share in shares.items()]
    by_label = [HEADLINE_PANELS[name] for name, share in shares.items() if share["high"] < 0.5]
    note = (f"; {' and '.join(by_label)} {'put' if len(by_label) > 1 else 'puts'} b nearer a, the headline of its "
            "own label, in most of them" if by_label else "")
    return (f"Top rows: the paper's three headlines through each model's convolution (colour: activation, one scale "
            f"per model). Compared whole, the maps of the two news headlines ({first}, {second}) "
            f"{' and '.join(maps)}. Bottom row: held-out headlines in three spaces (PCA), with the first of the "
            f"{triples['count']} triples in which clickbait b shares words with news c and clickbait a does not; b is "
            f"nearer c than a in {', '.join(found[:-1])} and {found[-1]}{note}.")


def little_data(results: dict) -> str:
    few = verdicts.pretrained_start_helps_with_little_data(results)[1]
    return _sentence(f"Per task, mean over seeds; grey open markers: too few unseen texts to count. Not drawn, "
                     f"pooled over the tasks and the smallest subsets: {few}")


def movement(results: dict) -> str:
    r = results["movement"]
    parts = []
    for name, o in r["optimizers"].items():
        final = {group: moves[-1] for group, moves in o["mean_move"].items()}
        furthest = max(final, key=final.get)
        parts.append(f"with {name.split(' ')[0]} the rows of {furthest} words moved furthest ({final[furthest]:.2f})")
    return _sentence("; ".join([verdicts.rows_only_move_when_looked_up(results)[1], *parts]))


def map(results: dict) -> str:  # noqa: A001 (named by its experiment's slug, like the others)
    r = results["map"]
    parts = [f"{name.split(' (')[0]} {space['agreement_2d']:.0%} (trustworthiness {space['trustworthiness']:.2f})"
             for name, space in r["spaces"].items()]
    return (f"The same words in each space, coloured by opinion-lexicon polarity; same-polarity share of the "
            f"{r['k']} nearest lexicon words on the map: " + "; ".join(parts) + ".")


def objective(results: dict) -> str:
    from embedlab.experiments import objective as o

    r = results["objective"]
    agree = "agreement, frequent review words"
    found = [f"{name.replace('polarity table: label, its sentences', 'the polarity table')} "
             f"{said(r['spaces'][name]['intervals'][agree], '.2f')}" for name in (o.TABLE, o.W2V_OWN, o.GLOVE_OWN)]
    return ("Every measure of Two spaces on one shared vocabulary, with 95% intervals over items and seeds; colour "
            "gives the objective. Polarity agreement on the frequent review words, for the spaces trained on the "
            "table's own sentences: " + ", ".join(found) + ".")


def metric(results: dict) -> str:
    from embedlab.experiments import metric as m

    r = results["metric"]
    shares = [f"{said(r['spaces'][m.space_name(start)]['b_nearer_c_than_a']['stems']['within one label'], '.0%')} "
              f"in the encoder {start}" for start in m.CNN_STARTS]
    return ("Held-out headlines in the learned metric's space (PCA, seed 0), news and clickbait, with the paper's "
            "three headlines marked. Where b and c share no content word and all three have one label, b is nearer "
            "c than a in " + " and ".join(shares) + ".")


def kim_protocol(results: dict) -> str:
    r = results["kim_protocol"]
    parts = [f"on {task}, " + ", ".join(f"CNN-{arm} {t['arms'][arm]['accuracy']['mean']:.3f} against his "
                                        f"{t['arms'][arm]['published']:.3f}" for arm in r["arms"])
             for task, t in r["tasks"].items()]
    return ("Each arm's accuracy over the folds of Kim's protocol with GloVe 6B 50-d (95% intervals with the "
            "corrected variance for cross-validation), beside Kim's with word2vec 300-d: " + "; ".join(parts) + ".")


def dimension(results: dict) -> str:
    d = results["dimension"]
    best = max(d["starts"], key=lambda n: d["starts"][n]["arms"]["static"]["gain_over_rand"]["mean"])
    gain = d["starts"][best]["arms"]["static"]["gain_over_rand"]
    kim = d["published"]["static"] - d["published"]["rand"]
    return (f"Left, the frozen (static) arm's accuracy minus the rand arm's of the same dimension, on sentence "
            f"polarity, with 95% intervals over {len(d['settings']['folds'])} folds, against the tokens the site's "
            "word2vec was trained on; dashed lines, GloVe 6B's tables (their intervals are in the table below), and "
            f"dotted, Kim's gain. The largest is {100 * gain['mean']:+.1f} accuracy points ({best}), against Kim's "
            f"{100 * kim:+.1f}. Right, the frozen and the trained (non-static) arms by dimension, for the whole-corpus "
            "word2vec tables (circles) and GloVe 6B's two (squares); at 50 dimensions the two kinds' intervals are "
            "drawn over each other, and the table below gives each.")


TAKEAWAYS = {"map": map, "supervised": supervised, "starts": starts, "two_spaces": two_spaces, "headlines": headlines,
             "little_data": little_data, "movement": movement, "objective": objective, "metric": metric,
             "kim_protocol": kim_protocol, "dimension": dimension}
