"""The headlines page: which space puts two headlines about the same thing together, and how much of that is
shared words."""

import numpy as np
from nltk.stem import PorterStemmer
from numpy import mean
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from embedlab.experiments.headlines import CNN_STARTS, PAPER, choose_triples
from embedlab.lab.tasks import tokenize


def test_headlines_grouped_by_topic_in_pretrained_averages_by_label_in_the_task_model(results):
    spaces = results["headlines"]["spaces"]
    task = spaces["clickbait model, layer after the Embedding"]["b_nearer_c_than_a"]
    for name in ("GloVe 6B average", "word2vec average"):
        assert min(spaces[name]["b_nearer_c_than_a"]) > max(task)
    assert mean(spaces["GloVe 6B average"]["b_nearer_c_than_a"]) > 0.5 > mean(task)


def test_task_layer_stays_below_the_word_overlap_baseline(results):
    spaces = results["headlines"]["spaces"]
    overlap = mean(spaces["random table average (word overlap only)"]["b_nearer_c_than_a"])
    assert mean(spaces["clickbait model, layer after the Embedding"]["b_nearer_c_than_a"]) < overlap - 0.2


def test_the_papers_three_headlines_are_embedded_by_every_space(results):
    r = results["headlines"]
    assert r["paper"]["headlines"] == PAPER
    assert r["paper"]["tokens"] == {name: tokenize(text) for name, text in PAPER.items()}
    for name, space in r["spaces"].items():
        cosines = np.array(space["paper_cosines"])
        assert cosines.shape == (3, 3) and np.allclose(cosines, cosines.T), name
    for start in CNN_STARTS:
        assert np.array(r["paper"]["cnn"][start]["map_cosines"]).shape == (3, 3)
        assert r["paper"]["cnn"][start]["scores"]["accuracy"] > 0.8


def _content_words(headline: str) -> set[str]:
    return {w for w in headline.split() if w not in ENGLISH_STOP_WORDS and not w.isdigit()}


def test_second_rule_triples_share_stems_but_no_content_word(results):
    stem = PorterStemmer().stem
    a, b, c = (_content_words(h) for h in results["headlines"]["no_shared_word_triple"])
    assert not b & c and not a & (b | c)
    assert len({stem(w) for w in b} & {stem(w) for w in c}) >= 2


def test_rules_on_made_up_headlines():
    texts = [t.split() for t in ["top ten cats", "cats and dogs", "dogs love cats", "election results today",
                                 "elections result in upsets", "ten tips for sleep"]]
    labels = np.array([1, 1, 0, 1, 0, 1])
    a, b, c = choose_triples(texts, labels, 1, "words")[0]
    assert (b, c) == (1, 2) and labels[a] == 1 and a not in (1, 2)
    a, b, c = choose_triples(texts, labels, 1, "stems")[0]
    assert (b, c) == (3, 4)  # "election"/"elections" and "results"/"result": stems shared, no word
