"""The little-data page: what its text states about the committed full learning curves, in paired differences."""

from embedlab.lab.stats import interval


def _paired(results: dict, task: str, init: str, n: int, key: str = "accuracy") -> list[float]:
    runs = results["little_data"]["tasks"][task]
    return [a[key] - b[key] for a, b in zip(runs[init][str(n)], runs["random"][str(n)])]


def _includes_zero(differences) -> bool:
    low, _, high = interval(differences)
    return low <= 0 <= high


def test_full_clickbait_fine_tuned_word2vec_ahead_in_every_seed_from_300(full):
    for n in full["little_data"]["sizes"][2:]:
        assert all(d > 0 for d in _paired(full, "clickbait", "word2vec fine-tuned", n)), n
    assert not _includes_zero(_paired(full, "clickbait", "word2vec frozen", full["little_data"]["sizes"][-1]))


def test_full_clickbait_smallest_sets_too_spread_to_tell(full):
    for n in full["little_data"]["sizes"][:2]:
        for init in ("word2vec frozen", "word2vec fine-tuned"):
            assert _includes_zero(_paired(full, "clickbait", init, n)), (init, n)


def test_full_polarity_no_gain_from_this_word2vec(full):
    for n in full["little_data"]["sizes"]:
        frozen = _paired(full, "polarity", "word2vec frozen", n)
        assert sum(d < 0 for d in frozen) > len(frozen) / 2, n
        assert _includes_zero(_paired(full, "polarity", "word2vec fine-tuned", n)), n
