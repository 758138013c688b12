"""Which rows move when a batch does not look them up? Measured for SGD, momentum, Adam and AdamW."""

import keras
import numpy as np
import tensorflow as tf

OPTIMIZERS = {
    "SGD": lambda: keras.optimizers.SGD(learning_rate=0.1),
    "SGD, momentum 0.9": lambda: keras.optimizers.SGD(learning_rate=0.1, momentum=0.9),
    "Adam": lambda: keras.optimizers.Adam(learning_rate=0.1),
    "AdamW, weight decay": lambda: keras.optimizers.AdamW(learning_rate=0.1, weight_decay=0.01),
}


def step(embedding, optimizer, ids):
    """One optimizer step on a toy loss that pulls the looked-up vectors towards zero."""
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(embedding(np.array([ids])) ** 2)
    optimizer.apply_gradients([(tape.gradient(loss, embedding.embeddings), embedding.embeddings)])


print("Step 1 looks up rows 1 and 3; steps 2 to 4 look up row 2 only.")
print("Rows 0, 4, 5 are never looked up.")
print(f"{'optimizer':<22}{'rows moved by steps 2-4':<26}size of the move per row (L2)")
for name, make in OPTIMIZERS.items():
    keras.utils.set_random_seed(0)
    embedding = keras.layers.Embedding(input_dim=6, output_dim=4)
    embedding.build()
    optimizer = make()
    step(embedding, optimizer, [1, 3])
    after_first = embedding.get_weights()[0]
    for _ in range(3):
        step(embedding, optimizer, [2])
    moved = np.linalg.norm(embedding.get_weights()[0] - after_first, axis=1)
    sizes = " ".join(f"{m:.4f}" for m in moved)
    print(f"{name:<22}{str(np.flatnonzero(moved > 0)):<26}{sizes}")
