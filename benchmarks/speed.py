"""How fast is each method? The benchmark behind the page docs/speed.md.

    python benchmarks/speed.py [--only methods,profile,build,tests,ci] [--seeds N]

methods: gensim's Word2Vec (skip-gram, 2 worker threads), the site's Keras SGNS (snippets/word2vec/sgns_keras.py)
and the site's Keras GloVe (snippets/glove/glove_keras.py), trained on the Brown corpus with the same vocabulary,
dimensions, window, negatives, subsampling and epochs, each timed and scored on WordSim353, SimLex-999 and the
analogy questions, over several seeds.
profile: where one epoch of the Keras SGNS spends its time, part by part (TensorFlow).
build, tests: the time of `mkdocs build --strict` and of the whole test suite; ci: of `bash .ci/run` on a fresh clone
(install included). (The time of the full experiments is recorded by each experiment in its own results file, when
it runs, and a whole regeneration's in docs/results/regeneration.json.)

Each section rewrites its part of docs/results/benchmark.json, with the machine it ran on. The methods section is
stamped with a fingerprint of this script, the two snippets and the package code they import (a test fails when it
is stale); build and tests time the whole project and record the commit they measured.
"""

from __future__ import annotations

import argparse
import ast
import datetime
import importlib
import json
import os
import platform
import re
import runpy
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402

from embedlab.data.files import report_data_errors  # noqa: E402
from embedlab.store import ROOT, atomic_write_text, cache_dir, fingerprint  # noqa: E402

BATCHES = (256, 512, 1024, 2048, 4096)  # target words per batch tried for the Keras SGNS
NOISE = (10, 25, 50)  # noise words per target word tried for the Keras SGNS, besides the snippet's NEGATIVES
NOISE_SEEDS = 3  # the noise sweep's seeds: the first seeds of the main runs, so each is paired with gensim's
RESULTS = ROOT / "docs" / "results" / "benchmark.json"
ROUNDS = 5  # epochs timed per variant in the profile, taking turns
SNIPPETS = {"sgns": ROOT / "snippets" / "word2vec" / "sgns_keras.py",
            "glove": ROOT / "snippets" / "glove" / "glove_keras.py"}


def taken(variable: str) -> set[str]:
    """The names this script reads from a snippet's globals, as in sgns["train"]."""
    tree = ast.parse(Path(__file__).read_text())
    return {node.slice.value for node in ast.walk(tree) if isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name) and node.value.id == variable and isinstance(node.slice, ast.Constant)}


def code_run(path: Path, names: set[str], leave_out: frozenset[str] = frozenset()) -> list[str]:
    """The top-level definitions of ``path`` that ``names`` name, and those that they use in turn, as source text.
    That is the code the benchmark runs from a file: not a snippet's imports, its own data loading or its __main__
    block, which only run when it is run as a program."""
    defined = {}
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            defined[node.name] = node
        elif isinstance(node, ast.Assign):
            defined.update({n.id: node for target in node.targets for n in ast.walk(target) if isinstance(n, ast.Name)})
    todo, found = [n for n in names if n not in leave_out], []
    while todo:
        node = defined.get(todo.pop())
        if node is not None and node not in found:
            found.append(node)
            todo += [n.id for n in ast.walk(node) if isinstance(n, ast.Name) and n.id not in leave_out]
    return sorted(ast.unparse(node) for node in found)


def methods_stamp() -> str:
    """What decides the methods section's numbers, besides the machine, the libraries and the data: the code it runs,
    from this script (methods() and what it calls, but not this stamp), from the two snippets (what it takes from
    them and what that uses) and the package module that gives it the corpus."""
    code = code_run(Path(__file__), {"methods"}, leave_out=frozenset({"methods_stamp"}))
    for variable, path in SNIPPETS.items():
        code += code_run(path, taken(variable))
    return fingerprint(modules=["embedlab.data.corpus"], params=code)


def commit() -> str | None:
    """The commit whose project the timing sections measured (None outside a git checkout)."""
    result = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return result.stdout.strip() or None


def machine() -> dict:
    import gensim
    import keras

    cpu = platform.processor()
    if Path("/proc/cpuinfo").exists():
        names = [line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                 if line.startswith("model name")]
        cpu = names[0] if names else cpu
    backend = keras.backend.backend()
    gpus = subprocess.run(["nvidia-smi", "--query-gpu=name", "--format=csv,noheader"], capture_output=True,
                          text=True).stdout.split("\n") if shutil.which("nvidia-smi") else []
    return {
        "cpu": cpu or platform.machine(),
        "cores": len(os.sched_getaffinity(0)),
        "gpu": next((name.strip() for name in gpus if name.strip()), None),
        "python": platform.python_version(),
        "versions": {"keras": keras.__version__, "backend": backend,
                     backend: importlib.import_module(backend).__version__, "gensim": gensim.__version__},
        "date": datetime.date.today().isoformat(),
    }


def quality(words: list[str], table: np.ndarray) -> dict:
    from gensim.models import KeyedVectors
    from gensim.test.utils import datapath

    if not np.isfinite(table).all():  # training diverged
        return {"wordsim353": None, "simlex999": None, "analogies": None}
    vectors = KeyedVectors(table.shape[1])
    vectors.add_vectors(words, table)
    return {
        "wordsim353": vectors.evaluate_word_pairs(datapath("wordsim353.tsv"))[1][0],
        "simlex999": vectors.evaluate_word_pairs(datapath("simlex999.txt"))[1][0],
        "analogies": vectors.evaluate_word_analogies(datapath("questions-words.txt"))[0],
    }


def gensim_word2vec(sgns: dict, sentences, seed: int, workers: int = 2):
    """gensim's skip-gram with the snippet's settings and ``workers`` threads, its vocabulary built (untimed)."""
    from gensim.models import Word2Vec

    model = Word2Vec(sg=1, vector_size=sgns["DIM"], window=sgns["WINDOW"], negative=sgns["NEGATIVES"],
                     min_count=sgns["MIN_COUNT"], sample=sgns["SAMPLE"], workers=workers, seed=seed)
    model.build_vocab(sentences)
    return model


def _timed(train, tokens: int, epochs: int) -> tuple[np.ndarray, dict]:
    start = time.perf_counter()
    table = train()
    seconds = time.perf_counter() - start
    return table, {"seconds": seconds, "words_per_second": tokens * epochs / seconds}


def methods(seeds: int, workers: int = 2) -> dict:
    """Each method trained ``seeds`` times; gensim with ``workers`` threads (2, as the CPU cores of CI; all of them
    on a GPU machine, where Keras has the GPU)."""
    from embedlab.data.corpus import nltk_sentences

    sgns = runpy.run_path(str(SNIPPETS["sgns"]), run_name="sgns_keras")
    glove = runpy.run_path(str(SNIPPETS["glove"]), run_name="glove_keras")
    sentences = nltk_sentences("brown")
    tokens = sum(map(len, sentences))
    corpus = sgns["Corpus"](sentences)  # vocabulary and id arrays: built once, like gensim's build_vocab, untimed
    epochs = sgns["EPOCHS"]
    gensim_name = f"gensim Word2Vec, {workers} workers"
    runs = {gensim_name: [], "Keras SGNS (site snippet)": [], "Keras GloVe (site snippet)": []}
    for seed in range(seeds):
        model = gensim_word2vec(sgns, sentences, seed, workers)

        def train_gensim(model=model):
            model.train(sentences, total_examples=len(sentences), epochs=epochs)
            return model.wv.vectors

        table, timing = _timed(train_gensim, tokens, epochs)
        runs[gensim_name].append(timing | quality(model.wv.index_to_key, table))
        table, timing = _timed(lambda: sgns["train"](corpus, epochs, seed, log=lambda _: None), tokens, epochs)
        runs["Keras SGNS (site snippet)"].append(timing | quality(corpus.words, table))

        def train_glove():  # counting the co-occurrences is part of GloVe's cost, so it is timed
            words, X = glove["cooccurrence"](sentences)
            return words, glove["train"](words, X, seed, log=lambda _: None)

        (words, table), timing = _timed(train_glove, tokens, glove["EPOCHS"])
        runs["Keras GloVe (site snippet)"].append(timing | quality(words, table))
        print(f"seed {seed}: " + "; ".join(f"{name} {r[-1]['words_per_second']:,.0f} words/s, WordSim353 "
                                             f"{r[-1]['wordsim353']:.3f}" for name, r in runs.items()), flush=True)
    batches = {}  # the Keras SGNS with other batch sizes, seed 0: how the batch trades speed for stability
    for batch in BATCHES:
        table, timing = _timed(lambda: sgns["train"](corpus, epochs, 0, batch, log=lambda _: None), tokens, epochs)
        batches[str(batch)] = timing | quality(corpus.words, table)
    summary = {name: {key: [r[key] for r in rs] for key in rs[0]} for name, rs in runs.items()}
    # More noise words per target word, each standing for a smaller share of word2vec's per-pair draws: what the
    # sharing of noise words costs in quality, and what drawing more costs in time (the snippet's own NEGATIVES
    # come from the main runs, on the same seeds).
    seeds_noise = min(seeds, NOISE_SEEDS)
    snippet = summary["Keras SGNS (site snippet)"]
    noise = {str(sgns["NEGATIVES"]): {key: values[:seeds_noise] for key, values in snippet.items()}}
    for count in NOISE:
        rs = []
        for seed in range(seeds_noise):
            def train(seed=seed, count=count):
                return sgns["train"](corpus, epochs, seed, sgns["BATCH"], count, log=lambda _: None)

            table, timing = _timed(train, tokens, epochs)
            rs.append(timing | quality(corpus.words, table))
        noise[str(count)] = {key: [r[key] for r in rs] for key in rs[0]}
        print(f"{count} noise words: " + ", ".join(f"{r['words_per_second']:,.0f} words/s, analogies "
                                                   f"{r['analogies']:.3f}" for r in rs), flush=True)
    keras, gensim = summary["Keras SGNS (site snippet)"], summary[gensim_name]
    return {
        "stamp": methods_stamp(),
        "corpus": {"name": "Brown", "tokens": tokens, "vocabulary": len(corpus.words)},
        "settings": {k: sgns[k] for k in ("DIM", "WINDOW", "NEGATIVES", "MIN_COUNT", "SAMPLE", "EPOCHS", "BATCH")}
        | {"GLOVE_EPOCHS": glove["EPOCHS"], "GLOVE_WINDOW": glove["WINDOW"]},
        "seeds": seeds,
        "runs": summary,
        "batches": batches,
        "noise": noise,
        # Paired by seed: the two runs of a seed follow each other, so they see the same load on the machine.
        "sgns_speed_ratio": [k / g for k, g in zip(keras["words_per_second"], gensim["words_per_second"])],
        "sgns_wordsim353_difference": [k - g for k, g in zip(keras["wordsim353"], gensim["wordsim353"])],
    }


def profile() -> dict:
    """Where one epoch of the Keras SGNS spends its time, seed 0, the snippet's batch and compile settings: building
    the epoch's examples (numpy; the snippet overlaps this with training, on a second thread), then the snippet's
    training step stopped after each of its parts in turn: the forward pass and the loss; then the gradient and SGD
    update of the target table's rows; then those of the context table's rows too (the whole step). Beside them: the
    snippet's own step (and, once, the time to build its model and compile it), Keras's stock step (one batch per
    call into the compiled function, 100 calls per execution), and one epoch of gensim (2 workers). Each model is
    compiled on a first slice before the timed epochs, so compiling is left out of them. The variants take turns,
    one epoch each, for ROUNDS rounds, and each keeps its fastest epoch: a busy moment on a shared machine then slows
    one epoch of each variant at most, not all the epochs of one."""

    import keras
    import tensorflow as tf

    from embedlab.data.corpus import nltk_sentences

    sgns = runpy.run_path(str(SNIPPETS["sgns"]), run_name="sgns_keras")
    sentences = nltk_sentences("brown")
    corpus = sgns["Corpus"](sentences)
    batch, per_call, window = sgns["BATCH"], sgns["BATCHES_PER_CALL"], sgns["WINDOW"]
    start = time.perf_counter()
    x, weights, pairs = sgns["epoch_examples"](corpus, np.random.default_rng(0))
    seconds = {"examples": time.perf_counter() - start}
    pad = -len(weights) % (batch * per_call)
    x = [np.concatenate([a, np.zeros((pad, *a.shape[1:]), a.dtype)]) for a in x]
    weights = np.concatenate([weights, np.zeros((pad, weights.shape[1]), weights.dtype)])

    class Parts(sgns["SkipGram"]):
        """The snippet's step, stopping after ``part``: "forward", "targets" or "update"."""

        part = "update"

        def train_step(self, data):
            (target, slots), w = data
            target, slots, w = (keras.ops.reshape(a, (per_call, -1, *a.shape[1:])) for a in (target, slots, w))
            labels = keras.ops.cast(keras.ops.arange(slots.shape[-1]) < 2 * window, "float32")

            def one_batch(i, _):
                with tf.GradientTape() as tape:
                    loss = self.compute_loss(y=keras.ops.broadcast_to(labels, w[i].shape),
                                             y_pred=self([target[i], slots[i]], training=True), sample_weight=w[i])
                if self.part != "forward":  # "targets": the target table's gradient and update only
                    tables = self.trainable_variables[: 1 if self.part == "targets" else 2]
                    self.optimizer.apply(tape.gradient(loss, tables), tables)
                self.metrics[0].update_state(loss)
                return i

            keras.ops.fori_loop(0, per_call, one_batch, 0)
            return {m.name: m.result() for m in self.metrics}

    labels = np.broadcast_to(np.arange(weights.shape[1]) < 2 * window, weights.shape).astype("float32")

    def compiled_epoch(build, **compiled):
        """A function that trains one epoch of a freshly built and compiled model, and the seconds that building,
        compiling and the first call (one call's batches) took."""
        start = time.perf_counter()
        keras.utils.set_random_seed(0)
        model = build()
        model.compile(optimizer=keras.optimizers.SGD(0.025), loss=sgns["NegativeSamplingLoss"](reduction="sum"),
                      jit_compile=True, **compiled)

        def fit(rows):
            if isinstance(model, sgns["SkipGram"]):
                model.fit([a[rows] for a in x], weights[rows], batch_size=batch * per_call, shuffle=False, verbose=0)
            else:  # Keras's stock step: labels and weights as fit expects them
                model.fit([a[rows] for a in x], labels[rows], sample_weight=weights[rows], batch_size=batch,
                          shuffle=False, verbose=0)

        fit(slice(None, batch * per_call))  # compiles the step
        return (lambda: fit(slice(None))), time.perf_counter() - start

    def with_parts(part):
        plain = sgns["build_model"](len(corpus.words))
        model = Parts(plain.inputs, plain.outputs)
        model.part = part
        return model

    def stock():
        plain = sgns["build_model"](len(corpus.words))
        return keras.Model(plain.inputs, plain.outputs)

    epochs = {part: compiled_epoch(lambda part=part: with_parts(part))[0] for part in ("forward", "targets", "update")}
    epochs["snippet's step"], seconds["build and compile"] = compiled_epoch(
        lambda: sgns["build_model"](len(corpus.words)))
    epochs["Keras's stock step"] = compiled_epoch(stock, steps_per_execution=100)[0]
    gensim = gensim_word2vec(sgns, sentences, 0)
    epochs["gensim epoch"] = lambda: gensim.train(sentences, total_examples=len(sentences), epochs=1)
    times = {name: [] for name in epochs}
    for _ in range(ROUNDS):
        for name, epoch in epochs.items():
            start = time.perf_counter()
            epoch()
            times[name].append(time.perf_counter() - start)
    seconds |= {name: min(values) for name, values in times.items()}
    whole = seconds["update"]
    return {"batch": batch, "batches_per_call": per_call, "rounds": ROUNDS, "targets": len(x[0]) - pad, "pairs": pairs,
            "seconds": seconds,
            "shares": {"forward pass and loss": seconds["forward"] / whole,
                       "target rows: gradient and update": (seconds["targets"] - seconds["forward"]) / whole,
                       "context rows: gradient and update": (whole - seconds["targets"]) / whole}}


def _command_seconds(command: list[str], cwd: Path = ROOT, env=None) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"error: `{' '.join(command)}` failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return seconds, result


def build() -> dict:
    shutil.rmtree(cache_dir() / "notebooks", ignore_errors=True)  # so that the first build executes every notebook
    with tempfile.TemporaryDirectory() as site:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site]
        first, _ = _command_seconds(command)
        cached, _ = _command_seconds(command)  # every notebook's outputs come from the cache
    return {"first_seconds": first, "cached_seconds": cached}


def tests() -> dict:
    seconds, result = _command_seconds([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"])
    return {"seconds": seconds, "summary": result.stdout.strip().splitlines()[-1]}


def ci() -> dict:
    """What CI runs: `bash .ci/run` (install, then the whole test suite) on a fresh clone of this commit, with the
    shared data beside it, empty caches and none of this shell's data settings."""
    shared = ROOT.parent / "shared"
    if not (shared / "data").is_dir():
        sys.exit(f"error: the ci section needs the shared data at {shared / 'data'} (see README)")
    with tempfile.TemporaryDirectory() as folder:
        clone = Path(folder) / "main"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        (Path(folder) / "shared").symlink_to(shared)
        env = {k: v for k, v in os.environ.items()
               if k not in {"EMBEDLAB_DATA", "NLTK_DATA", "KERAS_HOME", "VIRTUAL_ENV", "EMBEDLAB_CACHE"}}
        env["EMBEDLAB_CACHE"] = str(Path(folder) / "cache")
        seconds, result = _command_seconds(["bash", ".ci/run"], cwd=clone, env=env)
    summary = [line.strip("= ") for line in result.stdout.splitlines() if re.match(r"=* ?\d+ passed", line)]
    return {"seconds": seconds, "summary": summary[-1] if summary else None}


SECTIONS = {"methods": methods, "profile": profile, "build": build, "tests": tests, "ci": ci}


def main() -> None:
    report_data_errors()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated, from {', '.join(SECTIONS)}")
    parser.add_argument("--seeds", type=int, default=3, help="training runs per method (default 3)")
    parser.add_argument("--gpu", action="store_true",
                        help="store the methods section as methods_gpu, gensim with every core (run with a GPU)")
    args = parser.parse_args()
    chosen = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in SECTIONS]
    if args.gpu and chosen != ["methods"]:
        sys.exit("error: --gpu applies to the methods section only: use --only methods")
    if unknown or args.seeds < 1:
        sys.exit(f"error: unknown section {', '.join(unknown)}" if unknown else "error: --seeds must be at least 1")
    results = json.loads(RESULTS.read_text()) if RESULTS.is_file() else {}
    about = machine()
    for name in chosen:
        print(f"{name}...", flush=True)
        if name == "methods":  # on a GPU machine, gensim gets all the CPU cores, as Keras gets the GPU
            section = methods(args.seeds, about["cores"] if args.gpu else 2)
        else:
            section = SECTIONS[name]() | {"commit": commit()}
        results[f"{name}_gpu" if args.gpu else name] = section | {"machine": about}
        atomic_write_text(RESULTS, json.dumps(results, indent=1) + "\n")  # each finished section is kept
        print(f"{name}: done", flush=True)


if __name__ == "__main__":
    main()
