"""Regenerate the experiments' results and figures.

    python -m embedlab.experiments run [--only NAME,...] [--quick] [--force]
    python -m embedlab.experiments check [--only NAME,...]

run: train and evaluate, skipping experiments whose code and data did not change since their results were written.
check: rerun the full experiments in a scratch folder and compare with the committed results (tolerances in check.py).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from embedlab.experiments import EXPERIMENTS  # noqa: E402
from embedlab.experiments.pipeline import Run, input_key, is_current, write_results  # noqa: E402


def _selection(only: str | None) -> list[str]:
    if not only:
        return list(EXPERIMENTS)
    names = [n.strip() for n in only.split(",") if n.strip()]
    unknown = [n for n in names if n not in EXPERIMENTS]
    if unknown:
        sys.exit(f"error: unknown experiment {', '.join(unknown)}; choose from {', '.join(EXPERIMENTS)}")
    return names


def run(names: list[str], quick: bool, force: bool) -> None:
    import matplotlib

    matplotlib.use("Agg")
    r = Run(quick)
    total = time.perf_counter()
    for name in names:
        module = EXPERIMENTS[name]
        key = input_key(module, quick)
        if not force and is_current(r, name, key):
            print(f"{name}: unchanged, skipped")
            continue
        start = time.perf_counter()
        results = module.run(r)
        seconds = time.perf_counter() - start
        write_results(r, name, key, results, seconds)
        print(f"{name}: {seconds:.0f} s -> {r.results_path(name).relative_to(r.root.parent)}")
    print(f"total: {time.perf_counter() - total:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m embedlab.experiments", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["run", "check"])
    parser.add_argument("--only", help="comma-separated experiment names (default: all)")
    parser.add_argument("--quick", action="store_true", help="small settings, results under .cache/quick/")
    parser.add_argument("--force", action="store_true", help="rerun even if nothing changed")
    args = parser.parse_args()
    names = _selection(args.only)
    if args.command == "run":
        run(names, args.quick, args.force)
    else:
        from embedlab.experiments.check import check

        sys.exit(check(names))


if __name__ == "__main__":
    main()
