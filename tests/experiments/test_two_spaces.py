"""The two-spaces page: where meaning and polarity live, in the quick and the committed full results."""

from numpy import mean

GLOVE = "GloVe 6B (published, 6 billion words)"
W2V = "word2vec (general text)"
POLARITY = "polarity task (trained from scratch)"
CLICKBAIT = "clickbait task (trained from scratch)"


def _metric(spaces, name, label) -> float:
    return float(mean(spaces[name]["metrics"][label]))


def test_meaning_lives_in_the_general_text_spaces(results):
    spaces = results["two_spaces"]["spaces"]
    for task in (POLARITY, CLICKBAIT):
        for general in (GLOVE, W2V):
            for label in ("WordSim353 Spearman", "semantic analogies", "syntactic analogies"):
                assert _metric(spaces, general, label) > _metric(spaces, task, label), (general, task, label)


def test_full_published_vectors_know_meaning_best_and_task_tables_answer_almost_no_analogy(full):
    spaces = full["two_spaces"]["spaces"]
    best = max(spaces, key=lambda name: _metric(spaces, name, "WordSim353 Spearman"))
    assert best == GLOVE
    for task in (POLARITY, CLICKBAIT):
        assert _metric(spaces, task, "semantic analogies") < 0.01


def test_full_a_linear_probe_reads_polarity_off_the_general_text_vectors(full):
    spaces = full["two_spaces"]["spaces"]
    frequent_chance = spaces[GLOVE]["details"]["polarity_frequent"]["probe_chance"]
    chance = spaces[GLOVE]["details"]["polarity"]["probe_chance"]
    for general in (GLOVE, W2V):
        assert _metric(spaces, general, "probe, frequent review words") > frequent_chance + 0.1
        assert _metric(spaces, general, "polarity probe accuracy") > chance + 0.1


def test_full_glove_6b_separates_polarity_at_least_as_well_as_the_task_table(full):
    spaces = full["two_spaces"]["spaces"]
    for label in ("agreement, frequent review words", "probe, frequent review words", "polarity agreement",
                  "polarity probe accuracy"):
        assert _metric(spaces, GLOVE, label) >= _metric(spaces, POLARITY, label), label
    assert _metric(spaces, W2V, "agreement, frequent review words") < _metric(spaces, POLARITY,
                                                                              "agreement, frequent review words")
    chance = spaces[POLARITY]["details"]["polarity_frequent"]["chance"]
    assert _metric(spaces, POLARITY, "agreement, frequent review words") > chance + 0.1
    assert spaces[GLOVE]["details"]["polarity"]["agreement"] > 0.5  # "mostly share polarity"


def test_full_antonyms_close_in_general_spaces_apart_in_the_polarity_table(full):
    spaces = full["two_spaces"]["spaces"]
    for general in (GLOVE, W2V):
        details = spaces[general]["details"]["polarity"]
        assert details["antonym_cosine"] > details["lexicon_cosine"]
    details = spaces[POLARITY]["details"]["polarity"]
    assert details["antonym_cosine"] < details["lexicon_cosine"]


def test_full_glove_6b_keeps_lexicon_neighbours_at_the_same_polarity_far_more_than_word2vec(full):
    """The map page qualifies its word2vec reading with this."""
    spaces = full["two_spaces"]["spaces"]
    assert _metric(spaces, GLOVE, "polarity agreement") > _metric(spaces, W2V, "polarity agreement") + 0.1


def test_full_this_sites_word2vec_puts_good_next_to_bad(full):
    """The little-data page says so."""
    assert "bad" in full["two_spaces"]["spaces"][W2V]["details"]["neighbours"]["good"]
