"""Why the Keras GloVe snippet trains differently under JAX than under TensorFlow: what Adagrad is given.

    python benchmarks/glove_backends.py [--seeds N] [--small]

Trains snippets/glove/glove_keras.py's model, unchanged, on the Brown corpus as that snippet reads it, in three
set-ups, each in its own process (Keras picks its backend when it is imported):

- TensorFlow: the Embedding's gradient is an IndexedSlices with one row per lookup, and Keras's Adagrad adds the
  square of each lookup's gradient to its accumulator: a row looked up n times in a batch gets n squares;
- JAX: the gradient is a dense array in which repeated ids were summed first: that row gets one square of a sum;
- TensorFlow, gradient summed: TensorFlow with the gradient made dense (repeated ids summed) before Adagrad sees it.

If the third set-up scores like JAX, what the optimizer is given explains the gap, not the backends' arithmetic.
Each run records its loss, its scores on WordSim353, SimLex-999 and the analogy questions, and the Adagrad
accumulator of the word table (mean over the 100 most frequent words' rows, and over all other rows).
Writes docs/results/glove_backends.json (read by the GloVe and speed pages), stamped like benchmark.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import runpy
import subprocess
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402

from embedlab.store import ROOT, atomic_write_text, fingerprint  # noqa: E402

SNIPPET = ROOT / "snippets" / "glove" / "glove_keras.py"
RESULTS = ROOT / "docs" / "results" / "glove_backends.json"
SETUPS = {"TensorFlow": "tensorflow", "JAX": "jax", "TensorFlow, gradient summed": "tensorflow"}
FREQUENT = 100  # rows 0..99 of the snippet's vocabulary are its 100 most frequent words


def stamp() -> str:
    return fingerprint(files=[SNIPPET, ROOT / "benchmarks" / "glove_backends.py"])


def _worker(setup: str, seed: int, small: bool) -> dict:
    """One training run in this process; returns what it measured."""
    import keras

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from speed import quality

    made = []

    class Adagrad(keras.optimizers.Adagrad):
        """Keras's Adagrad, keeping a reference to itself so that its accumulators can be read after training."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

        if setup == "TensorFlow, gradient summed":
            def update_step(self, gradient, variable, learning_rate):
                import tensorflow as tf

                super().update_step(tf.convert_to_tensor(gradient), variable, learning_rate)  # sums repeated ids

    glove = runpy.run_path(str(SNIPPET), run_name="glove_keras")
    keras.optimizers.Adagrad = Adagrad  # the snippet builds its optimizer as keras.optimizers.Adagrad(0.05)
    words, X = glove["cooccurrence"](glove["brown_sentences"]()[: 5000 if small else None])  # as the snippet reads it
    lines: list[str] = []
    start = time.perf_counter()
    table = glove["train"](words, X, seed, log=lines.append)
    seconds = time.perf_counter() - start
    first, last = (float(v) for v in re.findall(r"epoch \d+ ([\d.]+)", lines[-1]))
    optimizer = made[-1]
    variable = next(v for v in optimizer._trainable_variables if "word_table" in v.path)
    accumulator = np.asarray(optimizer._accumulators[optimizer._get_variable_index(variable)]).mean(axis=1)
    return {"seconds": seconds, "cells": int(X.nnz), "batch": glove["BATCH"], "epochs": glove["EPOCHS"],
            "initial_accumulator": optimizer.initial_accumulator_value,
            "loss_first_epoch": first, "loss_last_epoch": last,
            "accumulator_frequent": float(accumulator[:FREQUENT].mean()),
            "accumulator_other": float(accumulator[FREQUENT:].mean()), **quality(words, table)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--small", action="store_true", help="the first 5,000 sentences; results not written")
    parser.add_argument("--worker", choices=list(SETUPS), help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(_worker(args.worker, args.seed, args.small)))
        return
    runs: dict[str, list[dict]] = {setup: [] for setup in SETUPS}
    for seed in range(args.seeds):
        for setup, backend in SETUPS.items():
            command = [sys.executable, __file__, "--worker", setup, "--seed", str(seed)] + ["--small"] * args.small
            done = subprocess.run(command, env=os.environ | {"KERAS_BACKEND": backend}, capture_output=True,
                                  text=True)
            if done.returncode != 0:
                sys.exit(f"error: the {setup} run (seed {seed}) failed: {done.stderr.strip().splitlines()[-1]}")
            runs[setup].append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(f"seed {seed}, {setup}: {runs[setup][-1]}", flush=True)
    if args.small:
        return
    import keras

    summary = {setup: {key: [r[key] for r in rs] for key in rs[0]} for setup, rs in runs.items()}
    body = {"stamp": stamp(), "seeds": args.seeds, "frequent_rows": FREQUENT, "keras": keras.__version__,
            "runs": summary}
    atomic_write_text(RESULTS, json.dumps(body, indent=1) + "\n")
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
