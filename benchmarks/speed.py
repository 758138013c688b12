"""How fast is each method? The benchmark behind the page docs/speed.md.

    python benchmarks/speed.py [--only methods,build,tests,figures] [--seeds N]

methods: gensim's Word2Vec (skip-gram, 2 worker threads), the site's Keras SGNS (snippets/word2vec/sgns_keras.py)
and the site's Keras GloVe (snippets/glove/glove_keras.py), trained on the Brown corpus with the same vocabulary,
dimensions, window, negatives, subsampling and epochs, each timed and scored on WordSim353, SimLex-999 and the
analogy questions, over several seeds.
build, tests, figures: the time of `mkdocs build --strict`, of the whole test suite, and of rerunning every full
experiment (`python -m embedlab.experiments check`, which also compares the results with the committed ones).

Each section rewrites its part of docs/results/benchmark.json, with the machine it ran on.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import runpy
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402

from embedlab.data import atomic_write_text  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "docs" / "results" / "benchmark.json"


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    import gensim
    import keras
    import tensorflow as tf

    return {
        "cpu": cpu or platform.machine(),
        "cores": len(os.sched_getaffinity(0)),
        "python": platform.python_version(),
        "versions": {"tensorflow": tf.__version__, "keras": keras.__version__, "gensim": gensim.__version__},
        "date": datetime.date.today().isoformat(),
    }


def quality(words: list[str], table: np.ndarray) -> dict:
    from gensim.models import KeyedVectors
    from gensim.test.utils import datapath

    vectors = KeyedVectors(table.shape[1])
    vectors.add_vectors(words, table)
    return {
        "wordsim353": vectors.evaluate_word_pairs(datapath("wordsim353.tsv"))[1][0],
        "simlex999": vectors.evaluate_word_pairs(datapath("simlex999.txt"))[1][0],
        "analogies": vectors.evaluate_word_analogies(datapath("questions-words.txt"))[0],
    }


def _timed(train, tokens: int, epochs: int) -> tuple[np.ndarray, dict]:
    start = time.perf_counter()
    table = train()
    seconds = time.perf_counter() - start
    return table, {"seconds": seconds, "words_per_second": tokens * epochs / seconds}


def methods(seeds: int) -> dict:
    from gensim.models import Word2Vec

    from embedlab.corpus import nltk_sentences

    sgns = runpy.run_path(str(ROOT / "snippets" / "word2vec" / "sgns_keras.py"), run_name="sgns_keras")
    glove = runpy.run_path(str(ROOT / "snippets" / "glove" / "glove_keras.py"), run_name="glove_keras")
    sentences = nltk_sentences("brown")
    tokens = sum(map(len, sentences))
    corpus = sgns["Corpus"](sentences)  # vocabulary and id arrays: built once, like gensim's build_vocab, untimed
    epochs = sgns["EPOCHS"]
    runs = {"gensim Word2Vec, 2 workers": [], "Keras SGNS (site snippet)": [], "Keras GloVe (site snippet)": []}
    for seed in range(seeds):
        model = Word2Vec(sg=1, vector_size=sgns["DIM"], window=sgns["WINDOW"], negative=sgns["NEGATIVES"],
                         min_count=sgns["MIN_COUNT"], sample=sgns["SAMPLE"], workers=2, seed=seed)
        model.build_vocab(sentences)

        def train_gensim(model=model):
            model.train(sentences, total_examples=len(sentences), epochs=epochs)
            return model.wv.vectors

        table, timing = _timed(train_gensim, tokens, epochs)
        runs["gensim Word2Vec, 2 workers"].append(timing | quality(model.wv.index_to_key, table))
        table, timing = _timed(lambda: sgns["train"](corpus, epochs, seed, log=lambda _: None), tokens, epochs)
        runs["Keras SGNS (site snippet)"].append(timing | quality(corpus.words, table))

        def train_glove():  # counting the co-occurrences is part of GloVe's cost, so it is timed
            words, X = glove["cooccurrence"](sentences)
            return words, glove["train"](words, X, seed, log=lambda _: None)

        (words, table), timing = _timed(train_glove, tokens, glove["EPOCHS"])
        runs["Keras GloVe (site snippet)"].append(timing | quality(words, table))
        print(f"seed {seed}: " + "; ".join(f"{name} {r[-1]['words_per_second']:,.0f} words/s, WordSim353 "
                                             f"{r[-1]['wordsim353']:.3f}" for name, r in runs.items()), flush=True)
    summary = {name: {key: [r[key] for r in rs] for key in rs[0]} for name, rs in runs.items()}
    speed = {name: np.mean(s["words_per_second"]) for name, s in summary.items()}
    return {
        "corpus": {"name": "Brown", "tokens": tokens, "vocabulary": len(corpus.words)},
        "settings": {k: sgns[k] for k in ("DIM", "WINDOW", "NEGATIVES", "MIN_COUNT", "SAMPLE", "EPOCHS", "BATCH")}
        | {"GLOVE_EPOCHS": glove["EPOCHS"], "GLOVE_WINDOW": glove["WINDOW"]},
        "seeds": seeds,
        "runs": summary,
        "sgns_speed_ratio": speed["Keras SGNS (site snippet)"] / speed["gensim Word2Vec, 2 workers"],
    }


def _command_seconds(command: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"error: `{' '.join(command)}` failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return seconds, result


def build() -> dict:
    with tempfile.TemporaryDirectory() as site:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site]
        first, _ = _command_seconds(command)  # executes the notebooks whose source changed
        cached, _ = _command_seconds(command)  # every notebook's outputs come from the cache
    return {"first_seconds": first, "cached_seconds": cached}


def tests() -> dict:
    seconds, result = _command_seconds([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"])
    return {"seconds": seconds, "summary": result.stdout.strip().splitlines()[-1]}


def figures() -> dict:
    seconds, _ = _command_seconds([sys.executable, "-m", "embedlab.experiments", "check"])
    return {"seconds": seconds}


SECTIONS = {"methods": methods, "build": build, "tests": tests, "figures": figures}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated, from {', '.join(SECTIONS)}")
    parser.add_argument("--seeds", type=int, default=3, help="training runs per method (default 3)")
    args = parser.parse_args()
    chosen = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in SECTIONS]
    if unknown or args.seeds < 1:
        sys.exit(f"error: unknown section {', '.join(unknown)}" if unknown else "error: --seeds must be at least 1")
    results = json.loads(RESULTS.read_text()) if RESULTS.is_file() else {}
    about = machine()
    for name in chosen:
        print(f"{name}...", flush=True)
        section = methods(args.seeds) if name == "methods" else SECTIONS[name]()
        results[name] = section | {"machine": about}
        atomic_write_text(RESULTS, json.dumps(results, indent=1) + "\n")  # each finished section is kept
        print(f"{name}: done", flush=True)


if __name__ == "__main__":
    main()
