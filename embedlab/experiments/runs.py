"""Run bookkeeping: where an experiment's results and figure go, its results key, and skipping unchanged runs.

Full runs write docs/results/SLUG.json and docs/figures/SLUG.svg (committed, read by the pages). Quick runs write
the same files under .cache/quick/ (ignored by git), so a quick run never overwrites a published result.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from embedlab.data.files import FILES
from embedlab.experiments import experiment
from embedlab.lab.backend import BACKEND
from embedlab.store import ROOT, atomic_write_text, fingerprint
from embedlab.svg import svg_text


@dataclass(frozen=True)
class Run:
    slug: str
    quick: bool
    scratch: Path | None = None  # write here instead (used by the check against committed results)

    @property
    def module(self) -> ModuleType:
        return experiment(self.slug)

    @property
    def settings(self) -> dict:
        """The experiment's settings for this mode: its module's QUICK or FULL."""
        return self.module.QUICK if self.quick else self.module.FULL

    @property
    def root(self) -> Path:
        if self.scratch is not None:
            return self.scratch
        return ROOT / ".cache" / "quick" if self.quick else ROOT / "docs"

    @property
    def results_path(self) -> Path:
        return self.root / "results" / f"{self.slug}.json"

    @property
    def figure_path(self) -> Path:
        return self.root / "figures" / f"{self.slug}.svg"

    @property
    def key(self) -> str:
        """What decides the results: the module and every package module it imports (read from its code), its
        settings for this mode, the Keras backend and the data checksums. Unchanged key: no need to run again."""
        return fingerprint(modules=[self.module.__name__], params=[self.slug, self.quick, self.settings, BACKEND],
                           data=[f.sha256 for f in FILES.values()])

    def is_current(self) -> bool:
        path = self.results_path
        return path.is_file() and json.loads(path.read_text()).get("input_key") == self.key

    def execute(self) -> str:
        """Train and measure, write the results and the figure; a one-line summary."""
        import matplotlib

        matplotlib.use("Agg")
        start = time.perf_counter()
        results = self.module.run(self)
        seconds = time.perf_counter() - start
        self.write_results(results, seconds)
        return f"{self.slug}: {seconds:.0f} s -> {self.results_path.relative_to(self.root.parent)}"

    def last_seconds(self) -> float:
        """The time its last results took to make (0 if none)."""
        return json.loads(self.results_path.read_text()).get("seconds", 0.0) if self.results_path.is_file() else 0.0

    def write_results(self, results: dict, seconds: float) -> None:
        body = {"input_key": self.key, "quick": self.quick, "seconds": round(seconds, 1), **results}
        atomic_write_text(self.results_path, json.dumps(body, indent=1, sort_keys=False) + "\n")

    def save_figure(self, figure) -> None:
        """Save a matplotlib figure as SVG atomically (see embedlab.svg), and close it."""
        atomic_write_text(self.figure_path, svg_text(figure))


def execute_all(runs: list[Run], jobs: int = 1) -> Iterator[str]:
    """Execute ``runs``, ``jobs`` at a time, each in its own process when jobs > 1 (the longest last time first);
    yields each one's summary as it ends."""
    if jobs == 1:
        yield from (r.execute() for r in runs)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    ordered = sorted(runs, key=lambda r: Run(r.slug, r.quick).last_seconds(), reverse=True)
    # "spawn": a fresh interpreter per worker, not a fork of this one with its libraries' threads.
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield from (done.result() for done in as_completed([pool.submit(r.execute) for r in ordered]))
