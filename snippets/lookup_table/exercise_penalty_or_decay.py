"""Exercise: an L2 penalty on the table under Adam, or AdamW's weight decay. How far do rows that no batch looks up
move?"""

import keras
import numpy as np
import tensorflow as tf

RATE, DECAY, STEPS = 0.001, 0.004, 10  # Adam's default learning rate, AdamW's default weight decay

# Under plain SGD the two would be the same update: the penalty DECAY / 2 * sum(W ** 2) has the gradient DECAY * W.
setups = {"Adam, L2 penalty": (keras.optimizers.Adam(RATE), keras.regularizers.L2(DECAY / 2)),
          "AdamW, weight decay": (keras.optimizers.AdamW(RATE, weight_decay=DECAY), None)}
print(f"{STEPS} steps, each looking up row 0 only; rows 1-5 are never looked up")
print(f"{'':<21}{'mean move per entry of row 0':>30}{'median move per entry of rows 1-5':>36}")
for name, (optimizer, penalty) in setups.items():
    keras.utils.set_random_seed(0)
    embedding = keras.layers.Embedding(6, 8, embeddings_regularizer=penalty)  # starts uniform in [-0.05, 0.05]
    embedding.build()
    start = embedding.get_weights()[0]
    for _ in range(STEPS):
        with tf.GradientTape() as tape:
            loss = tf.reduce_sum(embedding(np.array([[0]])))  # the data: a gradient of 1 for each entry of row 0
            loss += sum(embedding.losses)  # the penalty, if any, on every row
        optimizer.apply_gradients([(tape.gradient(loss, embedding.embeddings), embedding.embeddings)])
    move = np.abs(embedding.get_weights()[0] - start)
    print(f"{name:<21}{np.mean(move[0]):>30.2e}{np.median(move[1:]):>36.2e}")
print(f"for scale: {STEPS} steps of the learning rate make {STEPS * RATE:.2e};")
print(f"the median entry of rows 1-5 starts at {np.median(np.abs(start[1:])):.2e} from zero")
