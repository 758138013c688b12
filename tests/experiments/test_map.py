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



def test_the_maps_word_labels_stay_apart_and_inside_their_panels(results, draw, text_box):
    from embedlab.experiments import map as word_map

    figure = draw(word_map, results["map"])
    renderer = figure.canvas.get_renderer()
    for ax, name in zip(figure.axes, results["map"]["spaces"]):  # the fourth panel holds the legend
        named = [t.get_text() for t in ax.texts]
        assert {"good", "bad"} <= set(named) <= set(results["map"]["labelled"]), name
        assert len(named) == len(set(named)), name
        boxes = [text_box(t, renderer) for t in ax.texts]
        frame = ax.get_window_extent(renderer)
        for i, box in enumerate(boxes):
            assert frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1, name
            overlapping = [named[j] for j, other in enumerate(boxes[i + 1:], i + 1) if box.overlaps(other)]
            assert not overlapping, (name, named[i], overlapping)


def test_the_map_polarity_sentence_follows_the_shares():
    from embedlab.site.findings import map_polarity

    def spaces(*pairs):
        return {"map": {"spaces": {name: {"agreement": a, "agreement_2d": b} for name, (a, b) in pairs}}}

    kept = map_polarity(spaces(("one", (0.70, 0.69)), ("two", (0.60, 0.61))))
    assert kept.startswith("The polarity shares change little between each space and its map")
    moved = map_polarity(spaces(("one", (0.76, 0.67)), ("two", (0.73, 0.71)), ("three", (0.61, 0.60))))
    assert "change little for two and three, but one loses 9 points (0.760 in the space, 0.670 on the map)" in moved
    assert "changes the order of the spaces" in moved and "not made by the projection" not in moved


def test_full_map_polarity_sentence_names_every_space_that_moved(full):
    from embedlab.site.findings import MAP_DROP, map_polarity

    said = map_polarity(full)
    for name, space in full["map"]["spaces"].items():
        if abs(space["agreement"] - space["agreement_2d"]) >= MAP_DROP:
            assert f"{name} loses" in said or f"{name} gains" in said
