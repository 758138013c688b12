"""Run the site's snippets as a reader would, and record what they print for the pages to include.

    python -m embedlab.snippets [snippets/PAGE/NAME.py ...]

With no arguments every snippet runs with its default (full) settings. Each output goes to NAME.out beside the
snippet; snippets/outputs.json records the run time and a fingerprint of the snippet and of the package code it
imports, so the tests can tell when either changed after the output was recorded.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from embedlab.store import ROOT, atomic_write_text, fingerprint

SNIPPETS = ROOT / "snippets"
RECORD = SNIPPETS / "outputs.json"


def all_snippets() -> list[Path]:
    return sorted(SNIPPETS.glob("*/*.py"))


def stamp(path: Path) -> str:
    """What decides a snippet's output besides the pinned libraries and the data: its code and the code it imports."""
    return fingerprint(files=[path])


def run(path: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run one snippet in a fresh interpreter from the repository root, the way the page tells readers to."""
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONHASHSEED="0")  # gensim hashes words with hash()
    return subprocess.run(
        [sys.executable, str(path.relative_to(ROOT)), *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout,
    )


def record(paths: list[Path]) -> None:
    recorded = json.loads(RECORD.read_text()) if RECORD.exists() else {}
    for path in paths:
        start = time.perf_counter()
        result = run(path)
        seconds = time.perf_counter() - start
        if result.returncode != 0:
            tail = result.stderr.strip().splitlines()[-1:] or ["(no error output)"]
            sys.exit(f"error: {path.relative_to(ROOT)} failed: {tail[0]}")
        atomic_write_text(path.with_suffix(".out"), result.stdout)
        recorded[str(path.relative_to(ROOT))] = {"stamp": stamp(path), "seconds": round(seconds, 1)}
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
