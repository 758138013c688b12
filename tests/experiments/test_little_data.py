"""The little-data page: what its text states about the committed full learning curves."""

from numpy import mean


def _runs(results: dict, task: str, init: str, n: int, key: str = "accuracy") -> list[float]:
    return [run[key] for run in results["little_data"]["tasks"][task][init][str(n)]]


def test_full_word2vec_start_did_not_help_polarity(full):
    for n in full["little_data"]["sizes"]:
        random = mean(_runs(full, "polarity", "random", n))
        assert mean(_runs(full, "polarity", "word2vec frozen", n)) < random
        assert mean(_runs(full, "polarity", "word2vec fine-tuned", n)) < random + 0.01


def test_full_frozen_word2vec_helps_clickbait_only_with_the_smallest_sets(full):
    sizes = full["little_data"]["sizes"]
    frozen = [mean(_runs(full, "clickbait", "word2vec frozen", n)) for n in sizes]
    random = [mean(_runs(full, "clickbait", "random", n)) for n in sizes]
    assert frozen[0] > random[0] and frozen[1] > random[1]
    assert all(f < r for f, r in zip(frozen[2:], random[2:]))
    for n in sizes[2:]:
        tuned = mean(_runs(full, "clickbait", "word2vec fine-tuned", n))
        assert abs(tuned - mean(_runs(full, "clickbait", "random", n))) < 0.02


def test_full_unseen_opinion_words_show_no_consistent_word2vec_gain(full):
    """The page says the word2vec starts were not consistently better on sentences with unseen opinion words."""
    sizes = full["little_data"]["sizes"]
    for init in ("word2vec frozen", "word2vec fine-tuned"):
        gains = [mean(_runs(full, "polarity", init, n, "unseen_accuracy"))
                 - mean(_runs(full, "polarity", "random", n, "unseen_accuracy")) for n in sizes]
        assert sum(g > 0.02 for g in gains) <= 1, gains
        assert min(gains) < 0
