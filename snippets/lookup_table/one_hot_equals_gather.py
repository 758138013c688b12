"""An Embedding layer returns rows of its table: the same numbers as one_hot(ids) @ W, or a bias-free Dense layer."""

import keras
import numpy as np

keras.utils.set_random_seed(0)
vocab_size, dim = 10, 4
embedding = keras.layers.Embedding(input_dim=vocab_size, output_dim=dim)
ids = np.array([[3, 1, 3, 7]])  # one sequence of four token ids

looked_up = keras.ops.convert_to_numpy(embedding(ids))  # (1, 4, dim): rows 3, 1, 3 and 7 of the table
W = embedding.get_weights()[0]  # the table itself: (vocab_size, dim)

one_hot = keras.ops.convert_to_numpy(keras.ops.one_hot(ids, vocab_size))  # (1, 4, vocab_size)
as_matmul = one_hot @ W

dense = keras.layers.Dense(dim, use_bias=False)
dense.build((None, vocab_size))
dense.set_weights([W])  # same matrix, used as a Dense kernel
as_dense = keras.ops.convert_to_numpy(dense(one_hot))

print("table W:", W.shape, "  output:", looked_up.shape)
print("max |embedding(ids) - one_hot(ids) @ W| =", np.abs(looked_up - as_matmul).max())
print("max |embedding(ids) - Dense(one_hot(ids))| =", np.abs(looked_up - as_dense).max())
print("W[3]            =", np.round(W[3], 4))
print("output, token 0 =", np.round(looked_up[0, 0], 4))
