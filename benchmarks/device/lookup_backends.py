"""Run on a GPU machine, once per Keras backend (KERAS_BACKEND=jax or torch; JAX_PLATFORMS=cpu or
CUDA_VISIBLE_DEVICES= for the CPU): does Embedding's gather equal Dense(one_hot) to the last bit, and what does an
id outside the table return? The outputs of one such run are in lookup_backends_h200.txt beside this file."""

import os

import keras
import numpy as np

backend = keras.backend.backend()
for vocab, dim in ((10, 4), (1000, 64), (20000, 128)):
    keras.utils.set_random_seed(0)
    embedding = keras.layers.Embedding(vocab, dim)
    ids = np.random.default_rng(0).integers(0, vocab, (32, 50))
    looked_up = keras.ops.convert_to_numpy(embedding(ids))
    dense = keras.layers.Dense(dim, use_bias=False)
    dense.build((None, vocab))
    dense.set_weights(embedding.get_weights())
    product = keras.ops.convert_to_numpy(dense(keras.ops.one_hot(ids, vocab)))
    print(backend, os.environ.get("JAX_PLATFORMS", "gpu"), vocab, dim, "max |gather - Dense(one_hot)| =",
          float(np.abs(looked_up - product).max()))
embedding = keras.layers.Embedding(4, 2)
try:
    print(backend, "id 4 of 4 rows ->", keras.ops.convert_to_numpy(embedding(np.array([[4]]))).tolist())
except Exception as err:
    print(backend, "id 4 of 4 rows -> raises", type(err).__name__)
