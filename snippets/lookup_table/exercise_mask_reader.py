"""Exercise: the padded text [[3, 3, 7, 0]] with mask_zero=True, read by a mask-aware average or by Flatten: which
rows get a gradient?"""

import keras
import numpy as np
import tensorflow as tf


def table_gradient(reader, ids, mask_zero):
    """The gradient of the loss with respect to the table of Embedding(10, 4) -> reader -> Dense(1, sigmoid), for
    label 1. The seed makes the table and the Dense weights the same in every call."""
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(ids.shape[1],), dtype="int32"),
                              keras.layers.Embedding(10, 4, mask_zero=mask_zero), reader,
                              keras.layers.Dense(1, activation="sigmoid")])
    with tf.GradientTape() as tape:
        loss = keras.losses.binary_crossentropy(np.array([[1.0]]), model(ids))
    return tf.convert_to_tensor(tape.gradient(loss, model.layers[0].embeddings)).numpy()


padded, unpadded = np.array([[3, 3, 7, 0]]), np.array([[3, 3, 7]])
for name, reader in [("GlobalAveragePooling1D", keras.layers.GlobalAveragePooling1D),
                     ("Flatten", keras.layers.Flatten)]:
    grad = table_gradient(reader(), padded, mask_zero=True)
    print(f"{name} on [[3, 3, 7, 0]]:")
    print("  rows with a non-zero gradient:", np.flatnonzero(np.abs(grad).sum(axis=1)))
    print("  row 3 / row 7:", np.round(grad[3] / grad[7], 3))
    if name == "GlobalAveragePooling1D":
        same = np.allclose(grad, table_gradient(reader(), unpadded, mask_zero=False), rtol=1e-5, atol=1e-7)
        print("  same gradient as the unpadded text [[3, 3, 7]]:", same)
