"""The classifiers' training loop: a Keras model trained through its stateless API, one compiled JAX step per batch.

``model.fit`` would compute the same updates. It is not used because of three costs that change nothing in what is
computed, measured on the averaging model with 300 texts (150 steps of 50): Keras traces a new training step for
every model it fits, though the experiments build the same model hundreds of times (one per subset, seed, start and
learning rate); its epoch loop spends more per step (data iterator, callbacks, logs) than the step's own arithmetic;
and Adam updates every row of a trainable table at every step, though a row whose word never occurs in the training
texts keeps a zero gradient and zero moments, and so never moves. Here:

- a structure's step is compiled once per process and serves every later model of that structure (the learning rate
  is one of the optimizer's variables, so it travels with the state; the step donates the old state's buffers);
- the Embedding trains as its first rows, up to the largest id in the training texts (rounded up to
  TABLE_ROWS_STEP), and the other rows are put back as they were. Scoring uses the whole table. (Every id of the
  training texts is below that row count by construction, so no lookup falls outside the trained rows, which JAX
  would not report: it clamps an out-of-range id.)

A model is read into a ``Training`` (its variables as arrays), trained, and written back with ``keep``; Keras's
optimizer variables are not written back (its state is fresh at every training here: a new model, or a recompiled
one for the second stage of the freeze-then-unfreeze recipe). Models must name their table layer "embedding".
"""

from __future__ import annotations

import json

import numpy as np

from embedlab.lab.backend import use_backend

# A table's trained rows are rounded up to a multiple of this: each distinct row count is another compiled step.
TABLE_ROWS_STEP = 1024
PREDICT_ROWS = 1024  # texts scored per call: one compiled shape for any number of texts
_EPSILON = 1e-7  # Keras's binary cross-entropy clips probabilities to [eps, 1 - eps]

_COMPILED: dict[tuple, tuple] = {}


def _signature(model) -> str:
    """What decides a model's computation apart from its variables' values: its operations and their settings, what
    trains, its loss and its optimizer's settings except the learning rate (a variable)."""
    def config(thing) -> dict:
        settings = thing.get_config() if hasattr(thing, "get_config") else {}
        return {k: v for k, v in settings.items() if k not in ("name", "learning_rate")}

    operations = getattr(model, "operations", model.layers)  # a Sequential model has layers only
    return json.dumps([[type(o).__name__, config(o)] for o in operations]
                      + [[w.path.split("/", 1)[-1], list(w.shape), w.trainable] for w in model.weights]
                      + [type(model.optimizer).__name__, config(model.optimizer), str(model.loss)],
                      sort_keys=True, default=str)


def _table(model):
    return model.get_layer("embedding").embeddings


def _compiled(model, rows: int) -> tuple:
    """The (template, train step, predict) for models of ``model``'s structure with a table of ``rows`` rows."""
    use_backend()  # the step is a JAX function: one clear error if Keras runs on another backend
    import jax
    import keras

    key = (_signature(model), rows)
    if key not in _COMPILED:
        # A copy, never the model itself: a model can change later (unfreeze), and JAX traces the template again
        # for each new batch shape.
        def clone(layer):
            settings = layer.get_config()
            if layer.name == "embedding":
                settings["input_dim"] = rows
            return layer.__class__.from_config(settings)

        template = keras.models.clone_model(model, clone_function=clone)
        template.compile(optimizer=model.optimizer.__class__.from_config(model.optimizer.get_config()),
                         loss=model.loss)
        template.optimizer.build(template.trainable_variables)

        def step(state, x, y):
            return template.train_step(state, (x, y))[1]

        def predict(trainable, non_trainable, x):
            return template.stateless_call(trainable, non_trainable, x, training=False)[0][:, 0]

        _COMPILED[key] = (template, jax.jit(step, donate_argnums=0), jax.jit(predict))
    return _COMPILED[key]


def _rounded(rows: int, limit: int) -> int:
    return min(limit, -(-rows // TABLE_ROWS_STEP) * TABLE_ROWS_STEP)


class Training:
    """One model's variables as arrays, trained on the texts x (ids) with labels y."""

    def __init__(self, model, x: np.ndarray, y: np.ndarray):
        import jax.numpy as jnp

        if not model.optimizer.built:
            model.optimizer.build(model.trainable_variables)
        self.model, self.x, self.y = model, x, y.astype("float32")
        table = _table(model)
        self.rows = _rounded(int(x.max(initial=0)) + 1, table.shape[0])
        self.rest = np.asarray(table.value)[self.rows:]  # rows no training text reaches: put back unchanged
        template, self._step, _ = _compiled(model, self.rows)

        def trimmed(variables):
            return [jnp.array(v.value[:self.rows] if v is table else v.value, copy=True) for v in variables]

        opt = template.optimizer.variables  # fresh optimizer state, shaped for the trimmed table
        self.state = (trimmed(model.trainable_variables), trimmed(model.non_trainable_variables),
                      [jnp.array(v.value, copy=True) for v in opt],
                      [jnp.zeros(v.shape, v.dtype) for v in model.metrics_variables])
        rate = [v.path.rsplit("/", 1)[-1] for v in opt].index("learning_rate")
        self.state[2][rate] = jnp.array(model.optimizer.learning_rate, dtype="float32")

    def epoch(self, order: np.ndarray, batch_size: int) -> None:
        """One pass over rows ``order`` of (x, y) in batches of ``batch_size`` (the last one may be smaller)."""
        for start in range(0, len(order), batch_size):
            batch = order[start:start + batch_size]
            self.state = self._step(self.state, self.x[batch], self.y[batch])

    def weights(self) -> list:
        """The model's variables (trainable, then the others), with the whole table."""
        table = _table(self.model)
        out = []
        for variables, values in zip((self.model.trainable_variables, self.model.non_trainable_variables),
                                     self.state[:2]):
            for variable, value in zip(variables, values):
                out.append(np.concatenate([np.asarray(value), self.rest]) if variable is table else np.asarray(value))
        return out

    def keep(self, weights: list | None = None) -> None:
        """Write ``weights`` (default: the current ones) into the model's variables."""
        variables = [*self.model.trainable_variables, *self.model.non_trainable_variables]
        for variable, value in zip(variables, weights or self.weights()):
            variable.assign(value)


def probabilities(model, x: np.ndarray, weights: list | None = None) -> np.ndarray:
    """The model's probability of label 1 for each row of x (with ``weights`` in place of its variables' values)."""
    _, _, predict = _compiled(model, _table(model).shape[0])
    if weights is None:
        weights = [v.value for v in (*model.trainable_variables, *model.non_trainable_variables)]
    split = len(model.trainable_variables)
    out = []
    for start in range(0, len(x), PREDICT_ROWS):
        block = x[start:start + PREDICT_ROWS]
        padded = np.pad(block, ((0, PREDICT_ROWS - len(block)), (0, 0)))
        out.append(np.asarray(predict(weights[:split], weights[split:], padded))[:len(block)])
    return np.concatenate(out) if out else np.zeros(0, dtype="float32")


def loss(p: np.ndarray, y: np.ndarray) -> float:
    """Mean binary cross-entropy of probabilities p for labels y, as Keras computes it."""
    p = np.clip(p.astype("float32"), np.float32(_EPSILON), np.float32(1 - _EPSILON)).astype("float64")
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
