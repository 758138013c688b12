"""Exercise: shift every row of the table at right angles to the Dense layer's weights. Do the predictions change?

The model is the one of the lookup-table page: Embedding, average over the words, one sigmoid unit.
"""

import keras
import numpy as np

keras.utils.set_random_seed(0)
model = keras.Sequential([keras.Input(shape=(5,), dtype="int32"), keras.layers.Embedding(10, 4),
                          keras.layers.GlobalAveragePooling1D(), keras.layers.Dense(1, activation="sigmoid")])
embedding, dense = model.layers[0], model.layers[2]
texts = np.random.default_rng(0).integers(0, 10, size=(6, 5))  # six texts of five ids each
table, w = embedding.get_weights()[0], dense.get_weights()[0][:, 0]
before = model.predict(texts, verbose=0)[:, 0]

shifts = np.random.default_rng(1).normal(size=table.shape)  # a different random shift for every row
along = np.outer(shifts @ w / (w @ w), w)  # the part of each shift that points along the kernel w
print(f"the table's rows start with a mean length of {np.linalg.norm(table, axis=1).mean():.3f}")
for name, shift in [("at right angles to w", shifts - along), ("along w", along)]:
    embedding.set_weights([table + shift])
    after = model.predict(texts, verbose=0)[:, 0]
    print(f"rows shifted {name}: mean shift {np.linalg.norm(shift, axis=1).mean():.2f}, "
          f"largest change of a prediction {np.abs(after - before).max():.1g}")
