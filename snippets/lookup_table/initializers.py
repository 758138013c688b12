"""How the table starts: the default initializer, a custom one, and a pre-trained matrix, frozen or not."""

import json

import keras
import numpy as np

keras.utils.set_random_seed(0)
default = keras.layers.Embedding(input_dim=1000, output_dim=50)
default.build()
W = default.get_weights()[0]
print(f"default ('uniform'):  min {W.min():.4f}  max {W.max():.4f}  std {W.std():.4f}")

normal = keras.layers.Embedding(1000, 50, embeddings_initializer=keras.initializers.RandomNormal(stddev=0.1))
normal.build()
print(f"RandomNormal(0.1):    std {normal.get_weights()[0].std():.4f}")

# Pre-trained vectors (here a stand-in matrix) go in as the layer's weights.
pretrained = np.random.default_rng(0).normal(size=(1000, 50)).astype("float32")
for trainable in (False, True):
    layer = keras.layers.Embedding(1000, 50, weights=[pretrained], trainable=trainable)
    model = keras.Sequential([keras.Input(shape=(3,), dtype="int32"), layer, keras.layers.Flatten(),
                              keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
    starts_equal = np.array_equal(layer.get_weights()[0], pretrained)
    model.fit(np.array([[1, 2, 3]]), np.array([1.0]), epochs=1, verbose=0)
    moved = np.flatnonzero(np.abs(layer.get_weights()[0] - pretrained).sum(axis=1))
    print(f"trainable={trainable!s:<5}  starts equal to the matrix: {starts_equal}  rows moved by one step: {moved}")

# A Constant initializer gives the same start, but keeps the whole matrix in the layer's config, and so in every
# saved .keras file; weights=[...] (or set_weights) keeps only the numbers of the table itself.
constant = keras.layers.Embedding(1000, 50, embeddings_initializer=keras.initializers.Constant(pretrained))
for name, layer in (("weights=[matrix]", keras.layers.Embedding(1000, 50, weights=[pretrained])),
                    ("Constant(matrix)", constant)):
    size = len(json.dumps(keras.saving.serialize_keras_object(layer)))
    print(f"config of Embedding(..., {name}): {size:,} characters")
