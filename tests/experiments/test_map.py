"""The map page: what it states about the three maps, in the quick and the committed full results."""


def test_maps_polarity_table_splits_by_the_classifiers_score(results):
    maps = results["map"]
    assert maps["split_follows_score"] > 0.95
    score = maps["score"]
    assert score["too"] < 0 and score["bad"] < 0
    assert score["film"] > 0 > score["movie"]
    assert maps["groups"][maps["words"].index("funny")] == "negative" and score["funny"] > 0
    assert maps["lexicon_score_agrees"] > 0.6


def test_maps_polarity_is_in_the_vectors_not_made_by_the_projection(results):
    spaces = results["map"]["spaces"]
    w2v, pol = spaces["word2vec (general text)"], spaces["polarity task (trained from scratch)"]
    assert pol["agreement"] > w2v["agreement"] + 0.05
    assert pol["agreement_2d"] > w2v["agreement_2d"] + 0.05
    for space in (w2v, pol):
        assert abs(space["agreement"] - space["agreement_2d"]) < 0.05


def test_maps_spaces_share_few_neighbours(results):
    maps = results["map"]
    assert maps["shared_mean"] < 1 and maps["shared_none"] > 0.5


def test_maps_show_three_spaces_with_the_same_words(results):
    maps = results["map"]
    assert list(maps["spaces"]) == ["word2vec (general text)", "GloVe 6B (6 billion words)",
                                    "polarity task (trained from scratch)"]
    for space in maps["spaces"].values():
        assert len(space["x"]) == len(space["neighbours"]) == len(maps["words"])
    assert len(maps["shared_neighbours_glove"]) == len(maps["words"])
    assert 0 <= maps["shared_mean_glove"] <= maps["k"]

