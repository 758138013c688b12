"""What an Embedding does with ids outside [0, input_dim) on the CPU: the off-by-one that bites with mask_zero."""

import keras
import numpy as np

keras.utils.set_random_seed(0)
vocabulary = ["alps", "himalaya", "river", "sea"]
ids = {word: i + 1 for i, word in enumerate(vocabulary)}  # 1..4, keeping 0 for padding

too_small = keras.layers.Embedding(input_dim=len(vocabulary), output_dim=2, mask_zero=True)  # rows 0..3: one short
try:
    too_small(np.array([[ids["sea"]]]))
except Exception as err:  # TensorFlow on CPU checks the index
    print("input_dim=4, id 4:", type(err).__name__, "-", str(err).split("indices")[1].split(" [Op")[0].strip())

right = keras.layers.Embedding(input_dim=len(vocabulary) + 1, output_dim=2, mask_zero=True)
print("input_dim=5, id 4:", keras.ops.convert_to_numpy(right(np.array([ids["sea"]])))[0].round(4))

# Negative ids are not rejected: Keras's take() counts them from the end of the table, like Python lists.
W = right.get_weights()[0]
print("id -1 gives the last row:", np.array_equal(keras.ops.convert_to_numpy(right(np.array([-1])))[0], W[-1]))
