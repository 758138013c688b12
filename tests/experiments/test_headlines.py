"""The headlines page: which space puts two headlines about the same thing together, and how much of that is
shared words."""

from numpy import mean


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
