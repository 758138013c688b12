"""Exercise: one step on the batch [[2, 2, 5]], then one on [[5]]. Which rows move, and how far, under SGD and under
SGD with momentum?"""

import keras
import numpy as np
import tensorflow as tf


def step(embedding, optimizer, ids):
    """One step on the loss sum(looked-up vectors): each lookup sends a gradient of 1 to every entry of its row."""
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(embedding(np.array([ids])))
    optimizer.apply_gradients([(tape.gradient(loss, embedding.embeddings), embedding.embeddings)])


for name, optimizer in [("SGD", keras.optimizers.SGD(learning_rate=0.1)),
                        ("SGD, momentum 0.9", keras.optimizers.SGD(learning_rate=0.1, momentum=0.9))]:
    embedding = keras.layers.Embedding(8, 3, embeddings_initializer="zeros")
    embedding.build()
    print(name)
    for ids in ([2, 2, 5], [5]):
        before = embedding.get_weights()[0]
        step(embedding, optimizer, ids)
        change = (embedding.get_weights()[0] - before)[:, 0]  # every entry of a row moves alike here
        moved = np.flatnonzero(change)
        print(f"  step on {ids}: rows moved {moved}, by", " ".join(f"{change[r]:+.3f}" for r in moved))
