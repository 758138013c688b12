"""The two-spaces page: where meaning and polarity live, in the quick and the committed full results."""

from numpy import mean


def test_meaning_lives_in_the_general_text_spaces(results):
    spaces = results["two_spaces"]["spaces"]
    general = [s for s in spaces if "general text" in s]
    trained = [s for s in spaces if "task" in s]
    for g in general:
        for t in trained:
            assert mean(spaces[g]["metrics"]["analogy accuracy"]) > mean(spaces[t]["metrics"]["analogy accuracy"])
    w2v = spaces["word2vec (general text)"]["metrics"]
    for t in trained:
        assert mean(w2v["WordSim353 Spearman"]) > mean(spaces[t]["metrics"]["WordSim353 Spearman"])


def test_polarity_table_opposes_antonyms(results):
    spaces = results["two_spaces"]["spaces"]
    polarity = spaces["polarity task (trained from scratch)"]["details"]["polarity"]
    w2v = spaces["word2vec (general text)"]["details"]["polarity"]
    assert polarity["antonym_cosine"] < polarity["lexicon_cosine"]
    assert w2v["antonym_cosine"] > polarity["antonym_cosine"]


def test_full_word2vec_puts_good_next_to_bad(full):
    spaces = full["two_spaces"]["spaces"]
    w2v = spaces["word2vec (general text)"]
    assert "bad" in w2v["details"]["neighbours"]["good"]
    assert w2v["details"]["polarity"]["antonym_cosine"] > w2v["details"]["polarity"]["lexicon_cosine"]
    for name in ("clickbait task (trained from scratch)", "polarity task (trained from scratch)"):
        assert mean(spaces[name]["metrics"]["analogy accuracy"]) < 0.01
        assert mean(spaces[name]["metrics"]["WordSim353 Spearman"]) < mean(w2v["metrics"]["WordSim353 Spearman"]) - 0.15


def test_full_polarity_table_wins_on_frequent_words_only(full):
    spaces = full["two_spaces"]["spaces"]
    w2v = spaces["word2vec (general text)"]["metrics"]
    pol = spaces["polarity task (trained from scratch)"]["metrics"]
    assert mean(pol["agreement, frequent review words"]) > mean(w2v["agreement, frequent review words"]) + 0.05
    assert mean(w2v["polarity agreement"]) > mean(pol["polarity agreement"])
    assert mean(w2v["polarity probe accuracy"]) > mean(pol["polarity probe accuracy"])
