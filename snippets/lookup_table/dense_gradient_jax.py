"""The same gradient under JAX: a dense, table-sized array, with the contributions of a repeated id summed."""

import os

os.environ["KERAS_BACKEND"] = "jax"  # this snippet shows JAX's own autodiff, so it needs the JAX backend

import jax  # noqa: E402
import keras  # noqa: E402
import numpy as np  # noqa: E402

keras.utils.set_random_seed(0)
embedding = keras.layers.Embedding(input_dim=8, output_dim=3)
embedding.build()
ids = np.array([[2, 5, 2]])  # id 2 appears twice


def loss(table):
    vectors, _ = embedding.stateless_call([table], [], ids)  # the layer as a pure function of its table
    return vectors.sum()


grad = jax.grad(loss)(embedding.embeddings.value)
print("gradient type:", type(grad).__name__, "  shape:", grad.shape)
for row in range(8):
    print(f"row {row}: gradient {np.asarray(grad[row])}")

before = embedding.get_weights()[0]
keras.optimizers.SGD(learning_rate=0.1).apply_gradients([(grad, embedding.embeddings)])
change = embedding.get_weights()[0] - before
print("rows changed by one SGD step:", np.flatnonzero(np.abs(change).sum(axis=1)))
print("change of row 2:", np.round(change[2], 4), "  change of row 5:", np.round(change[5], 4))
