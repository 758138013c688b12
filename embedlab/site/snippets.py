"""Run the site's snippets as a reader would, and record what they print for the pages to include.

    python -m embedlab.snippets [snippets/PAGE/NAME.py ...]

With no arguments every snippet runs with its default (full) settings. Each output goes to NAME.out beside the
snippet; a snippet of the mechanism page that uses no backend directly also runs under JAX, into NAME.jax.out.
snippets/outputs.json records the run time and a fingerprint of the snippet and of the package code it imports, so
the tests can tell when either changed after the output was recorded.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from embedlab.store import ROOT, atomic_write_text, fingerprint

SNIPPETS = ROOT / "snippets"
RECORD = SNIPPETS / "outputs.json"
BACKENDS = ("tensorflow", "jax")  # Keras backends the site shows outputs for; TensorFlow is the default
EVERY_BACKEND_PAGES = ("lookup_table",)  # the mechanism page: its backend-neutral snippets are run under each
# Libraries whose versions are recorded with each output and named on the pages: package name -> name shown.
VERIFIED_WITH = {"tensorflow-cpu": "TensorFlow", "keras": "Keras", "jax": "JAX", "gensim": "gensim"}


def all_snippets() -> list[Path]:
    return sorted(SNIPPETS.glob("*/*.py"))


def backends(path: Path) -> tuple[str, ...]:
    """The backends a snippet runs under: the one it imports (TensorFlow or JAX autodiff shown plainly), else every
    backend on the mechanism page and TensorFlow elsewhere."""
    imported = re.findall(r"^(?:import|from) (tensorflow|jax)\b", path.read_text(), re.MULTILINE)
    if imported:
        return (imported[0],)
    return BACKENDS if path.parent.name in EVERY_BACKEND_PAGES else BACKENDS[:1]


def output_path(path: Path, backend: str = BACKENDS[0]) -> Path:
    """NAME.out, or NAME.jax.out for the JAX run of a snippet that runs under several backends."""
    several = len(backends(path)) > 1
    return path.with_suffix(f".{backend}.out" if several and backend != BACKENDS[0] else ".out")


def versions() -> dict[str, str]:
    """The installed versions of the libraries the snippets' outputs depend on most."""
    return {name: importlib.metadata.version(name) for name in VERIFIED_WITH}


def stamp(path: Path) -> str:
    """What decides a snippet's output besides the pinned libraries and the data: its code and the code it imports."""
    return fingerprint(files=[path])


def run(path: Path, *args: str, backend: str | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run one snippet in a fresh interpreter from the repository root, the way the page tells readers to, under the
    given Keras backend (default: the first it runs under)."""
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONHASHSEED="0",  # gensim hashes words with hash()
               KERAS_BACKEND=backend or backends(path)[0])
    return subprocess.run(
        [sys.executable, str(path.relative_to(ROOT)), *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout,
    )


def record(paths: list[Path]) -> None:
    recorded = json.loads(RECORD.read_text()) if RECORD.exists() else {}
    for path in paths:
        start = time.perf_counter()
        for backend in backends(path):
            result = run(path, backend=backend)
            if result.returncode != 0:
                tail = result.stderr.strip().splitlines()[-1:] or ["(no error output)"]
                sys.exit(f"error: {path.relative_to(ROOT)} failed under {backend}: {tail[0]}")
            atomic_write_text(output_path(path, backend), result.stdout)
        seconds = time.perf_counter() - start
        recorded[str(path.relative_to(ROOT))] = {
            "stamp": stamp(path), "backends": list(backends(path)), "seconds": round(seconds, 1),
            "versions": versions(), "recorded": datetime.datetime.now(datetime.UTC).date().isoformat()}
        atomic_write_text(RECORD, json.dumps(dict(sorted(recorded.items())), indent=2) + "\n")
        print(f"{path.relative_to(ROOT)}: {seconds:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="snippets to run (default: all)")
    args = parser.parse_args()
    paths = [p.resolve() for p in args.paths] or all_snippets()
    for path in paths:
        if not path.is_file() or path.parent.parent != SNIPPETS:
            sys.exit(f"error: {path} is not a snippet (expected snippets/PAGE/NAME.py)")
    record(paths)


if __name__ == "__main__":
    main()
