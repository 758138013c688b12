"""Exercise: under Adam, how far does a row move in the steps after the only step that looked it up?"""

import keras
import numpy as np
import tensorflow as tf

RATE, STEPS, B1, B2 = 0.01, 50, 0.9, 0.999  # B1, B2: Adam's defaults

embedding = keras.layers.Embedding(4, 1, embeddings_initializer="zeros")
embedding.build()
optimizer = keras.optimizers.Adam(learning_rate=RATE, beta_1=B1, beta_2=B2)
moves = []
for step in range(1, STEPS + 1):
    ids = [1] if step == 1 else [2]  # row 1 is looked up in step 1 only
    before = embedding.get_weights()[0][1, 0]
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(embedding(np.array([ids])))  # a gradient of 1 for the row looked up
    optimizer.apply_gradients([(tape.gradient(loss, embedding.embeddings), embedding.embeddings)])
    moves.append(before - embedding.get_weights()[0][1, 0])
moves = np.array(moves) / RATE  # in learning rates

# By hand: after one gradient g = 1 at step 1 and none since, the moments at step t are m = (1 - B1) B1^(t-1) and
# v = (1 - B2) B2^(t-1); Adam steps by the rate times (m / (1 - B1^t)) / sqrt(v / (1 - B2^t)).
t = np.arange(1, STEPS + 1)
by_hand = (1 - B1) * B1 ** (t - 1) / (1 - B1**t) / np.sqrt((1 - B2) * B2 ** (t - 1) / (1 - B2**t))

print("step   row 1 moved (in learning rates)   by hand")
for s in (1, 2, 3, 5, 10, 20, 50):
    print(f"{s:>4}   {moves[s - 1]:>31.4f}   {by_hand[s - 1]:.4f}")
print(f"steps 2-{STEPS} (no lookup of row 1) moved it {moves[1:].sum():.2f} learning rates in all "
      f"(by hand {by_hand[1:].sum():.2f})")
print(f"the first step that moves it less than a tenth of the rate: step {1 + np.argmax(moves < 0.1)}")
