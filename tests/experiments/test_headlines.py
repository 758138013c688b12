"""The headlines page: which space puts two headlines about the same thing together."""

from numpy import mean


def test_headlines_grouped_by_topic_in_word2vec_by_label_in_the_task_model(results):
    spaces = results["headlines"]["spaces"]
    w2v = spaces["word2vec average"]["b_nearer_c_than_a"]
    task = spaces["clickbait model, layer after the Embedding"]["b_nearer_c_than_a"]
    assert min(w2v) > max(task)
    assert mean(w2v) > 0.5 > mean(task)
