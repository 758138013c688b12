"""A row looked up four times in one batch: what Adagrad and Adam store for it, on the backend Keras runs on."""

import keras
import numpy as np

ids = np.array([[1, 1, 1, 1, 2]])  # row 1 four times, row 2 once, rows 0 and 3 never


def total(y_true, y_pred):  # the loss is the sum of the looked-up values: each lookup sends gradient 1 to its row
    return keras.ops.sum(y_pred)


for optimizer in (keras.optimizers.Adagrad(learning_rate=0.1, initial_accumulator_value=0.0),
                  keras.optimizers.Adam(learning_rate=0.1)):
    inputs = keras.Input(shape=(5,), dtype="int32")
    model = keras.Model(inputs, keras.layers.Embedding(4, 1, embeddings_initializer="zeros")(inputs))
    model.compile(optimizer=optimizer, loss=total)
    model.train_on_batch(ids, np.zeros((1, 5, 1)))
    moved = 0.0 - keras.ops.convert_to_numpy(model.layers[1].embeddings)[:, 0]  # from zero, towards lower loss
    name = f"{keras.backend.backend()}, {type(optimizer).__name__}"
    print(f"{name}: rows 0-3 moved by", " ".join(f"{m:g}" for m in moved))
    for v in optimizer.variables:
        if tuple(v.shape) == (4, 1):  # state kept per entry of the table
            values = keras.ops.convert_to_numpy(v)[:, 0]
            print(f"  {v.path.split('_')[-1]:<12}", " ".join(f"{x:g}" for x in values))
