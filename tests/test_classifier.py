"""The lab's classifiers: the convolutional model reads no padding, the selection of a learning rate uses only
the validation split of the training data, and the rows that round a table up are never trained."""

import numpy as np

from embedlab.lab.classifier import TABLE_ROWS_STEP, build_cnn, build_model, train_selected, train_start


def _padded_batch(rng, vocab: int, length: int) -> np.ndarray:
    ids = rng.integers(2, vocab, size=(8, length)).astype("int32")
    for row, used in enumerate(rng.integers(3, length, size=8)):
        ids[row, used:] = 0  # padding at the end, as Vocabulary.encode writes it
    return ids


def test_cnn_never_reads_or_trains_the_padding_row():
    import keras

    keras.utils.set_random_seed(0)
    rng = np.random.default_rng(0)
    model = build_cnn(50, 12, dim=8, filters=4)
    table = model.get_layer("embedding")
    x = _padded_batch(rng, 50, 12)
    before = model.predict(x, verbose=0)
    weights = table.get_weights()[0]
    weights[0] = rng.normal(scale=100.0, size=8)  # whatever the padding row holds...
    table.set_weights([weights])
    np.testing.assert_allclose(model.predict(x, verbose=0), before, rtol=1e-6)  # ...the output is the same
    model.fit(x, np.arange(8) % 2, epochs=2, verbose=0)
    np.testing.assert_array_equal(table.get_weights()[0][0], weights[0])  # and training never moves it


def test_train_selected_keeps_the_rate_with_the_best_validation_accuracy():
    import keras

    rng = np.random.default_rng(1)
    x = rng.integers(2, 30, size=(200, 6)).astype("int32")
    y = (x[:, 0] < 16).astype("int32")  # the first word decides the label

    def build(optimizer):
        model = keras.Sequential([keras.Input((6,), dtype="int32"), keras.layers.Embedding(30, 4, name="embedding"),
                                  keras.layers.Flatten(), keras.layers.Dense(1, activation="sigmoid")])
        model.compile(optimizer=optimizer, loss="binary_crossentropy")
        return model

    trained = train_selected(build, x, y, seed=0, rates=[1e-6, 0.05], max_epochs=8)
    assert trained.rate == 0.05 and trained.validation_accuracy > 0.8
    assert 1 <= trained.epochs <= 8


def test_train_start_rounds_the_table_up_with_rows_it_never_trains():
    rng = np.random.default_rng(2)
    words = TABLE_ROWS_STEP + 5
    table = rng.normal(size=(words, 4)).astype("float32")
    x = rng.integers(1, words, size=(120, 6)).astype("int32")
    y = (x[:, 0] < words // 2).astype("int32")
    trained = train_start(build_model, "GloVe 6B fine-tuned", {"glove": table}, x, y, seed=0, rates=[0.05],
                          max_epochs=2)
    weights = trained.model.get_layer("embedding").get_weights()[0]
    assert weights.shape == (2 * TABLE_ROWS_STEP, 4)
    assert not np.allclose(weights[:words], table)  # the words' rows were trained
    np.testing.assert_array_equal(weights[words:], 0.0)  # the rounding rows start at zero and stay there
