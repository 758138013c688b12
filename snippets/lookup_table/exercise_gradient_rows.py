"""Exercise: which rows of the table get a gradient from the text [[3, 3, 7]], and how do those gradients compare?

The model is the one of the lookup-table page: Embedding, average over the words, one sigmoid unit.
"""

import keras
import numpy as np
import tensorflow as tf

keras.utils.set_random_seed(0)
model = keras.Sequential([keras.Input(shape=(3,), dtype="int32"), keras.layers.Embedding(10, 4),
                          keras.layers.GlobalAveragePooling1D(), keras.layers.Dense(1, activation="sigmoid")])
embedding, dense = model.layers[0], model.layers[2]
ids, label = np.array([[3, 3, 7]]), np.array([[1.0]])

with tf.GradientTape() as tape:
    p = model(ids)
    loss = keras.losses.binary_crossentropy(label, p)
grad = tf.convert_to_tensor(tape.gradient(loss, embedding.embeddings)).numpy()  # one row per id, repeats summed

print("rows with a non-zero gradient:", np.flatnonzero(np.abs(grad).sum(axis=1)))
print("row 3:", np.round(grad[3], 5))
print("row 7:", np.round(grad[7], 5))
print("row 3 / row 7:", np.round(grad[3] / grad[7], 6))
# By hand: d loss / d logit = p - y, the average hands a third of d loss / d (average) to each of the three
# positions, and d logit / d (average) is the Dense kernel w. Row 7 is looked up once, row 3 twice.
w = dense.get_weights()[0][:, 0]
by_hand = (float(p[0, 0]) - 1.0) / 3 * w
print("row 7 by hand, (p - y) / 3 * w:", np.round(by_hand, 5))
print("row 7 equals (p - y) / 3 * w:", np.allclose(grad[7], by_hand, rtol=1e-5, atol=1e-7))
