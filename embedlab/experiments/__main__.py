"""Regenerate the experiments' results and figures.

    python -m embedlab.experiments run [--only SLUG,...] [--quick] [--force] [--jobs N]
    python -m embedlab.experiments check [--only SLUG,...] [--jobs N]

run: train and evaluate, skipping experiments whose code, settings and data did not change since their results were
written; with --jobs N, N experiments run side by side in separate processes, the longest first. check: rerun the
full experiments in a scratch folder and compare with the committed results (check.py).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from embedlab.lab.backend import use_backend  # noqa: E402

use_backend()  # before anything imports Keras

from embedlab.data.files import report_data_errors  # noqa: E402
from embedlab.experiments import regeneration  # noqa: E402
from embedlab.experiments.registry import SLUGS  # noqa: E402
from embedlab.experiments.runs import Run, execute_all  # noqa: E402


def _selection(only: str | None) -> list[str]:
    if not only:
        return list(SLUGS)
    slugs = [n.strip() for n in only.split(",") if n.strip()]
    unknown = [n for n in slugs if n not in SLUGS]
    if unknown:
        sys.exit(f"error: unknown experiment {', '.join(unknown)}; choose from {', '.join(SLUGS)}")
    return slugs


def run(slugs: list[str], quick: bool, force: bool, jobs: int = 1) -> None:
    start = time.perf_counter()
    empty_cache = regeneration.cache_is_empty()
    todo = []
    for r in (Run(slug, quick) for slug in slugs):
        if not force and r.is_current():
            print(f"{r.slug}: unchanged, skipped")
        else:
            todo.append(r)
    for summary in execute_all(todo, jobs):
        print(summary, flush=True)
    seconds = time.perf_counter() - start
    print(f"total: {seconds:.0f} s")
    regeneration.record([r.slug for r in todo], quick, seconds, jobs, empty_cache)


def main() -> None:
    report_data_errors()
    parser = argparse.ArgumentParser(prog="python -m embedlab.experiments", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["run", "check"])
    parser.add_argument("--only", help="comma-separated experiment slugs (default: all)")
    parser.add_argument("--quick", action="store_true", help="small settings, results under .cache/quick/")
    parser.add_argument("--force", action="store_true", help="rerun even if nothing changed")
    parser.add_argument("--jobs", type=int, default=1, help="experiments run side by side (default: 1)")
    args = parser.parse_args()
    slugs = _selection(args.only)
    if args.jobs < 1:
        sys.exit(f"error: --jobs must be at least 1, not {args.jobs}")
    if args.command == "run":
        run(slugs, args.quick, args.force, args.jobs)
    else:
        from embedlab.experiments.check import check

        sys.exit(check(slugs, args.jobs))


if __name__ == "__main__":
    main()
