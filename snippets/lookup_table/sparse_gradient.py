"""The gradient of the loss with respect to the table touches only the looked-up rows; SGD changes only those."""

import keras
import numpy as np
import tensorflow as tf

keras.utils.set_random_seed(0)
embedding = keras.layers.Embedding(input_dim=8, output_dim=3)
ids = np.array([[2, 5, 2]])  # id 2 appears twice

with tf.GradientTape() as tape:
    vectors = embedding(ids)
    loss = tf.reduce_sum(vectors)  # d loss / d vector = 1 for every component of every looked-up vector
grad = tape.gradient(loss, embedding.embeddings)

print("gradient type:", type(grad).__name__)
print("indices:", grad.indices.numpy(), "  values:", tuple(grad.values.shape))
per_row = tf.convert_to_tensor(grad).numpy()  # densify: repeated indices are summed
for row in range(8):
    print(f"row {row}: gradient {per_row[row]}")

before = embedding.get_weights()[0]
keras.optimizers.SGD(learning_rate=0.1).apply_gradients([(grad, embedding.embeddings)])
change = embedding.get_weights()[0] - before
print("rows changed by one SGD step:", np.flatnonzero(np.abs(change).sum(axis=1)))
print("change of row 2:", np.round(change[2], 4), "  change of row 5:", np.round(change[5], 4))
