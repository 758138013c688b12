"""Kim's protocol: the folds, the padded ids, the starting tables, the four arms and what trains in each, the max-norm
clip, and the cross-validation interval."""

import numpy as np
import pytest

from embedlab.lab import kim_protocol as kim
from embedlab.lab.stats import interval
from embedlab.lab.tasks import Vocabulary


def test_folds_are_near_equal_and_fixed_by_the_seed():
    fold = kim.fold_of(10_662)
    sizes = np.bincount(fold)
    assert len(sizes) == kim.FOLDS and sizes.max() - sizes.min() <= 1
    assert (kim.fold_of(10_662) == fold).all() and (kim.fold_of(10_662, seed=1) != fold).any()


def test_ids_start_after_the_widest_filter_minus_one_zeros():
    vocab = kim.vocabulary([["good", "film"], ["good"]])
    assert vocab.words[2] == "good"  # most frequent first
    x = kim.encode(vocab, [["good", "film"]], length=3)
    assert x.tolist() == [[0] * (max(kim.WIDTHS) - 1) + [2, 3, 0]]


class _Vectors:
    key_to_index = {"good": 0}

    def __getitem__(self, word):
        return np.full(4, 7.0, dtype="float32")


def test_a_pretrained_table_keeps_its_vectors_draws_the_rest_and_zeroes_padding():
    vocab = Vocabulary(["good", "film"])
    start = kim.table(vocab, _Vectors(), 4, seed=0)
    assert (start[0] == 0).all() and (start[vocab.index["good"]] == 7).all()
    assert np.abs(start[vocab.index["film"]]).max() <= kim.RAND_LIMIT
    rand = kim.table(vocab, None, 4, seed=0)
    assert np.abs(rand[1:]).max() <= kim.RAND_LIMIT and (rand[0] == 0).all()


def _data(rows=40, words=30, length=12, seed=0):
    rng = np.random.default_rng(seed)
    start = kim.table(Vocabulary([f"w{i}" for i in range(words - 2)]), None, 8, seed=seed)
    x = np.pad(rng.integers(1, words, (rows, length - 4)).astype("int32"), ((0, 0), (4, 0)))
    return start, x, rng.integers(0, 2, rows)


@pytest.mark.parametrize("arm", kim.ARMS)
def test_each_arm_trains_what_kim_trains(arm):
    from embedlab.lab import training

    start, x, y = _data()
    model = kim.build(start, x.shape[1], arm)
    run = training.Training(model, x, y)
    run.epoch(np.arange(len(x)), kim.BATCH)
    run.keep()
    table = model.get_layer("embedding").get_weights()[0]
    assert np.allclose(table, start) == (arm == "static")
    if arm == "multichannel":
        assert np.array_equal(model.get_layer("static_channel").get_weights()[0], start)
    with pytest.raises(ValueError, match="unknown arm"):
        kim.build(start, x.shape[1], "dynamic")


def test_the_output_weights_norm_is_clipped_to_three_after_an_update():
    from embedlab.lab import training

    start, x, y = _data()
    model = kim.build(start, x.shape[1], "rand")
    unit = model.layers[-1]
    kernel, bias = unit.get_weights()
    unit.set_weights([kernel / np.linalg.norm(kernel) * 10, bias])
    run = training.Training(model, x, y)
    run.epoch(np.arange(len(x)), kim.BATCH)
    run.keep()
    assert np.linalg.norm(unit.get_weights()[0]) == pytest.approx(kim.MAX_NORM, rel=1e-5)


def test_a_fold_keeps_its_best_held_back_epoch_and_stops_after_the_patience():
    start, x, y = _data(rows=120)
    found = kim.train_fold(start, "rand", x, y, np.arange(100), np.arange(100, 120), seed=0, max_epochs=12)
    assert found.best_epoch <= found.epochs <= 12
    assert found.epochs == 12 or found.epochs - found.best_epoch == kim.PATIENCE
    assert found.accuracy == np.mean((found.probabilities > 0.5) == y[100:])


def test_the_cross_validation_interval_is_wider_than_the_plain_one_by_the_correction():
    d = np.array([0.01, 0.03, -0.01, 0.02, 0.00, 0.04, 0.01, 0.02, 0.03, -0.02])
    low, mean, high = interval(d)
    corrected = kim.corrected_interval(d, test_share=0.1)
    assert corrected["mean"] == pytest.approx(mean)
    ratio = (corrected["high"] - corrected["low"]) / (high - low)
    assert ratio == pytest.approx(np.sqrt((1 / 10 + 0.1 / 0.9) / (1 / 10)))
    assert np.isnan(kim.corrected_interval([0.01], 0.1)["low"])
