"""Regenerate the experiments' results and figures.

    python -m embedlab.experiments run [--only SLUG,...] [--quick] [--force]
    python -m embedlab.experiments check [--only SLUG,...]

run: train and evaluate, skipping experiments whose code, settings and data did not change since their results were
written. check: rerun the full experiments in a scratch folder and compare with the committed results (check.py).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from embedlab.data.files import report_data_errors  # noqa: E402
from embedlab.experiments import SLUGS  # noqa: E402
from embedlab.experiments.runs import Run  # noqa: E402


def _selection(only: str | None) -> list[str]:
    if not only:
        return list(SLUGS)
    slugs = [n.strip() for n in only.split(",") if n.strip()]
    unknown = [n for n in slugs if n not in SLUGS]
    if unknown:
        sys.exit(f"error: unknown experiment {', '.join(unknown)}; choose from {', '.join(SLUGS)}")
    return slugs


def run(slugs: list[str], quick: bool, force: bool) -> None:
    import matplotlib

    matplotlib.use("Agg")
    total = time.perf_counter()
    for slug in slugs:
        r = Run(slug, quick)
        if not force and r.is_current():
            print(f"{slug}: unchanged, skipped")
            continue
        start = time.perf_counter()
        results = r.module.run(r)
        seconds = time.perf_counter() - start
        r.write_results(results, seconds)
        print(f"{slug}: {seconds:.0f} s -> {r.results_path.relative_to(r.root.parent)}")
    print(f"total: {time.perf_counter() - total:.0f} s")


def main() -> None:
    report_data_errors()
    parser = argparse.ArgumentParser(prog="python -m embedlab.experiments", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["run", "check"])
    parser.add_argument("--only", help="comma-separated experiment slugs (default: all)")
    parser.add_argument("--quick", action="store_true", help="small settings, results under .cache/quick/")
    parser.add_argument("--force", action="store_true", help="rerun even if nothing changed")
    args = parser.parse_args()
    slugs = _selection(args.only)
    if args.command == "run":
        run(slugs, args.quick, args.force)
    else:
        from embedlab.experiments.check import check

        sys.exit(check(slugs))


if __name__ == "__main__":
    main()
