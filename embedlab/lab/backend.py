"""The Keras backend that the experiments train with, and its place in their results and cache keys.

JAX compiles a whole training step into one program. On the 2-core CPUs that the full runs are made on, it trains the
averaging classifier 3-4 times faster than TensorFlow, whose per-operation dispatch costs more than these small
models' arithmetic (measured: 1.5 vs 10 ms per step), and the convolutional one a little faster. The models are
written with Keras layers and ``keras.ops`` only, so the code is the same under either backend; the numbers are not
bit for bit, which is why the backend is part of every key. One model is trained under TensorFlow instead: the
general-text GloVe (see GLOVE_BACKEND in vectors.py).

Keras compiles each new model's training step afresh, though the experiments build the same model many times (one
per seed, start and learning rate); JAX's persistent compilation cache, kept with the other caches, reuses those
programs (measured: 0.8 instead of 2.5 s for a convolutional model's first epoch).
"""

from __future__ import annotations

import os
import sys

from embedlab.store import cache_dir

BACKEND = "jax"


def use_backend() -> None:
    """Make Keras load BACKEND: set before Keras is first imported; one clear error if it was imported with another."""
    if "keras" not in sys.modules:
        os.environ["KERAS_BACKEND"] = BACKEND
        os.environ.setdefault("JAX_COMPILATION_CACHE_DIR", str(cache_dir() / "jax"))
        os.environ.setdefault("JAX_PERSISTENT_CACHE_MIN_COMPILE_TIME_SECS", "0")  # default 1 s: would skip most
        return
    import keras

    if keras.backend.backend() != BACKEND:
        raise SystemExit(f"error: the experiments train with Keras on {BACKEND}, but Keras was already imported with "
                         f"{keras.backend.backend()}; run them with `python -m embedlab.experiments`")
