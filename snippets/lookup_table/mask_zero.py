"""mask_zero=True reserves id 0 for padding: layers downstream ignore those positions."""

import keras
import numpy as np

np.set_printoptions(precision=4, suppress=True)
keras.utils.set_random_seed(0)
# A vocabulary of 4 words gets ids 1..4; id 0 is padding, so the table needs 4 + 1 rows.
embedding = keras.layers.Embedding(input_dim=5, output_dim=2, mask_zero=True)
ids = np.array([[4, 2, 0, 0], [1, 0, 0, 0]])  # two padded sequences of lengths 2 and 1

print("mask:", keras.ops.convert_to_numpy(embedding.compute_mask(ids)).tolist())

inputs = keras.Input(shape=(4,), dtype="int32")
pooled = keras.layers.GlobalAveragePooling1D()(embedding(inputs))  # receives the mask from the Embedding
model = keras.Model(inputs, pooled)

W = embedding.get_weights()[0]
masked_mean = keras.ops.convert_to_numpy(model(ids))
print("pooled, with the mask:     ", masked_mean[0], masked_mean[1])
print("mean of the real tokens:   ", W[[4, 2]].mean(axis=0), W[[1]].mean(axis=0))
print("mean including the padding:", *W[ids].mean(axis=1))
print("row 0 still exists (and is trainable):", W[0])
