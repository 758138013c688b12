"""Exercise: the SGNS loss and gradients of one (target, context, noise words) row, by hand with NumPy, checked
against two Embedding tables and a Dot trained one step with Keras; then the same row at word2vec's start, where
the context table is all zeros."""

import keras
import numpy as np

VOCABULARY, DIM = 6, 3
target, context, noise = 0, 1, [2, 3]  # one real pair and k = 2 noise words


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def by_hand(W, C):
    """The loss -log s(w.c_o) - sum_j log s(-w.c_nj), and its gradients for the target row and the context rows."""
    w, rows = W[target], C[[context] + noise]
    scores = rows @ w
    labels = np.array([1.0] + [0.0] * len(noise))
    loss = -np.log(sigmoid(scores[0])) - np.log(sigmoid(-scores[1:])).sum()
    error = sigmoid(scores) - labels  # d loss / d score: s - 1 for the real pair, s for each noise word
    return loss, error @ rows, np.outer(error, w)  # loss, gradient of w_t, gradients of c_o, c_n1, c_n2


class PairLoss(keras.losses.Loss):
    """As on the page: per row, the cross-entropies of its real pair (label 1) and of its noise words (label 0),
    summed."""

    def call(self, labels, logits):
        return keras.ops.sum(keras.ops.binary_crossentropy(labels, logits, from_logits=True), axis=-1)


def keras_step(W, C):
    """The page's model (target table, context table, Dot) on this one row: its loss, and the change of each table
    after one SGD step with learning rate 1, which is minus the gradient."""
    target_in = keras.Input(shape=(), dtype="int32")
    context_in = keras.Input(shape=(1 + len(noise),), dtype="int32")
    w = keras.layers.Embedding(VOCABULARY, DIM, weights=[W])(target_in)
    c = keras.layers.Embedding(VOCABULARY, DIM, weights=[C])(context_in)
    model = keras.Model([target_in, context_in], keras.layers.Dot(axes=(1, 2))([w, c]))
    model.compile(optimizer=keras.optimizers.SGD(1.0), loss=PairLoss(reduction="sum"))
    x = [np.array([target]), np.array([[context] + noise])]
    y = np.array([[1.0] + [0.0] * len(noise)])
    loss = model.evaluate(x, y, verbose=0)
    model.train_on_batch(x, y)
    new_W, new_C = (layer.get_weights()[0] for layer in model.layers if isinstance(layer, keras.layers.Embedding))
    return loss, W - new_W, C - new_C


rng = np.random.default_rng(0)
W, C = rng.normal(0, 0.5, (VOCABULARY, DIM)), rng.normal(0, 0.5, (VOCABULARY, DIM))
for name, C_start in [("random tables", C), ("context table all zeros, as at word2vec's start", np.zeros_like(C))]:
    loss, grad_w, grad_c = by_hand(W, C_start)
    keras_loss, dW, dC = keras_step(W.astype("float32"), C_start.astype("float32"))
    print(f"{name}:")
    print(f"  loss by hand {loss:.5f}, Keras {keras_loss:.5f}")
    print(f"  gradient of the target row by hand {np.round(grad_w, 4)}")
    print(f"  gradient of the target row, Keras  {np.round(dW[target], 4)}")
    print("  context rows' gradients by hand and Keras agree:",
          np.allclose(grad_c, dC[[context] + noise], atol=1e-5))
    print("  rows that the step moved: target table", np.flatnonzero(np.abs(dW).sum(axis=1) > 1e-7),
          " context table", np.flatnonzero(np.abs(dC).sum(axis=1) > 1e-7))
print(f"(1 + k) log 2 with k = {len(noise)}: {(1 + len(noise)) * np.log(2):.5f}")
