"""What an Embedding does with ids outside [0, input_dim): the off-by-one that bites with mask_zero."""

import keras
import numpy as np

keras.utils.set_random_seed(0)
vocabulary = ["alps", "himalaya", "river", "sea"]
ids = {word: i + 1 for i, word in enumerate(vocabulary)}  # 1..4, keeping 0 for padding

too_small = keras.layers.Embedding(input_dim=len(vocabulary), output_dim=2, mask_zero=True)  # rows 0..3: one short
try:
    row = keras.ops.convert_to_numpy(too_small(np.array([[ids["sea"]]])))[0, 0]
    print(f"{keras.backend.backend()}, input_dim=4, id 4: no error, returns {row}")
except Exception as err:  # the backend checked the index
    print(f"{keras.backend.backend()}, input_dim=4, id 4: {type(err).__name__}")

right = keras.layers.Embedding(input_dim=len(vocabulary) + 1, output_dim=2, mask_zero=True)
print("input_dim=5, id 4:", keras.ops.convert_to_numpy(right(np.array([ids["sea"]])))[0].round(4))

# Negative ids are not rejected: Keras's take() counts them from the end of the table, like Python lists.
W = right.get_weights()[0]
print("id -1 gives the last row:", np.array_equal(keras.ops.convert_to_numpy(right(np.array([-1])))[0], W[-1]))
