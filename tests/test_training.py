"""The experiments' training loop makes the updates Keras's fit makes, trains only the rows its texts reach, and
shares one compiled step among models of one structure."""

import numpy as np
import pytest

from embedlab.lab import training
from embedlab.lab.classifier import build_cnn, build_model


def _data(rows_used: int, n: int, length: int):
    rng = np.random.default_rng(0)
    x = rng.integers(1, rows_used, size=(n, length)).astype("int32")
    x[:, length // 2:] *= rng.random((n, length - length // 2)) < 0.5  # some padding
    return x, (x[:, 0] % 2).astype("float32")


@pytest.mark.parametrize("build", [build_model, build_cnn])
def test_the_loop_makes_the_updates_that_keras_fit_makes(build):
    import keras

    rows, x_rows, batch = 3 * training.TABLE_ROWS_STEP, 700, 16
    x, y = _data(x_rows, 90, 10)  # 90 texts: 5 batches of 16 and one of 10
    models = []
    for _ in range(2):
        keras.utils.set_random_seed(3)
        models.append(build(rows, 10, 8, optimizer=keras.optimizers.Adam(0.01)))
    start = models[0].get_layer("embedding").get_weights()[0]
    models[0].fit(x, y, batch_size=batch, epochs=2, shuffle=False, verbose=0)
    run = training.Training(models[1], x, y)
    assert run.rows == training.TABLE_ROWS_STEP  # only the rows the texts reach are trained
    for _ in range(2):
        run.epoch(np.arange(len(x)), batch)
    run.keep()
    for fitted, looped in zip(models[0].get_weights(), models[1].get_weights()):
        np.testing.assert_allclose(looped, fitted, rtol=1e-4, atol=1e-6)
    table = models[1].get_layer("embedding").get_weights()[0]
    np.testing.assert_array_equal(table[x_rows:], start[x_rows:])  # rows no text reaches are as they were
    np.testing.assert_allclose(training.probabilities(models[1], x), models[0].predict(x, verbose=0)[:, 0],
                               rtol=1e-4, atol=1e-6)


def test_models_of_one_structure_share_a_compiled_step_and_keep_their_own_rate():
    import keras

    x, y = _data(300, 64, 6)
    runs = []
    for rate in (0.0, 0.05):
        keras.utils.set_random_seed(0)
        model = build_model(training.TABLE_ROWS_STEP, 6, 4, optimizer=keras.optimizers.Adam(rate))
        before = model.get_weights()
        run = training.Training(model, x, y)
        run.epoch(np.arange(len(x)), 16)
        run.keep()
        runs.append((run, before, model.get_weights()))
    assert runs[0][0]._step is runs[1][0]._step
    for a, b in zip(runs[0][1], runs[0][2]):
        np.testing.assert_array_equal(a, b)  # a rate of 0 moves nothing...
    assert not np.allclose(runs[1][1][0], runs[1][2][0])  # ...while 0.05, through the same step, does


def test_loss_is_keras_binary_cross_entropy():
    import keras

    p = np.array([0.0, 0.2, 0.9, 1.0], dtype="float32")
    y = np.array([0.0, 1.0, 1.0, 0.0], dtype="float32")
    expected = float(keras.ops.mean(keras.losses.binary_crossentropy(y[:, None], p[:, None])))
    assert training.loss(p, y) == pytest.approx(expected, rel=1e-5)
