"""Run bookkeeping: where an experiment's results and figure go, its results key, and skipping unchanged runs.

Full runs write docs/results/SLUG.json and docs/figures/SLUG.svg (committed, read by the pages). Quick runs write
the same files under .cache/quick/ (ignored by git), so a quick run never overwrites a published result.
"""

from __future__ import annotations

import importlib
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from embedlab.data.files import FILES
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
        # Imported directly, not through the registry: that list is kept out of every experiment's results key.
        return importlib.import_module(f"embedlab.experiments.{self.slug}")

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

    @property
    def parts(self) -> list:
        """The values of the settings list that the module names as PARTS (its tasks): each can be run apart with
        ``module.run_part(r, value)``, in its own process, and ``module.combine(r, {value: result})`` then makes
        the results. Empty for an experiment that runs whole."""
        key = getattr(self.module, "PARTS", None)
        return list(self.settings[key]) if key else []

    def execute(self) -> str:
        """Train and measure, write the results and the figure; a one-line summary."""
        if self.parts:
            return self.finish({part: self.execute_part(part) for part in self.parts})
        _drawing()
        start = time.perf_counter()
        results = self.module.run(self)
        seconds = time.perf_counter() - start
        self.write_results(results, seconds)
        return self.summary(seconds)

    def execute_part(self, part) -> tuple[dict, float]:
        """One part's results and the seconds it took."""
        start = time.perf_counter()
        return self.module.run_part(self, part), time.perf_counter() - start

    def finish(self, parts: dict) -> str:
        """Combine the parts' results (each with its seconds) into the experiment's results and figure, and write them;
        the seconds recorded are the sum of the parts'."""
        _drawing()
        results = self.module.combine(self, {part: result for part, (result, _) in parts.items()})
        seconds = {part: round(s, 1) for part, (_, s) in parts.items()}
        total = sum(seconds.values())
        self.write_results({**results, "part_seconds": seconds}, total)
        return self.summary(total)

    def summary(self, seconds: float) -> str:
        return f"{self.slug}: {seconds:.0f} s -> {self.results_path.relative_to(self.root.parent)}"

    def last_seconds(self, part=None) -> float:
        """The time its last results took to make (0 if none), or one part's (an equal share if not recorded)."""
        if not self.results_path.is_file():
            return 0.0
        last = json.loads(self.results_path.read_text())
        seconds = last.get("seconds", 0.0)
        return seconds if part is None else last.get("part_seconds", {}).get(str(part), seconds / len(self.parts))

    def write_results(self, results: dict, seconds: float) -> None:
        body = {"input_key": self.key, "quick": self.quick, "seconds": round(seconds, 1), **results}
        atomic_write_text(self.results_path, json.dumps(body, indent=1, sort_keys=False) + "\n")

    def save_figure(self, figure) -> None:
        """Save a matplotlib figure as SVG atomically (see embedlab.svg), and close it."""
        atomic_write_text(self.figure_path, svg_text(figure))


def _drawing() -> None:
    import matplotlib

    matplotlib.use("Agg")


def execute_all(runs: list[Run], jobs: int = 1) -> Iterator[str]:
    """Execute ``runs``, yielding each one's summary as it ends. With jobs > 1, ``jobs`` processes share the work:
    each experiment that runs whole, and each part of the others, is one unit, the longest last time first; an
    experiment in parts is combined here once its last part is back."""
    if jobs == 1:
        yield from (r.execute() for r in runs)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # Times are read from the committed runs: a check's scratch runs have none, and take about as long.
    units = [(r, part, Run(r.slug, r.quick).last_seconds(part)) for r in runs for part in r.parts or [None]]
    units.sort(key=lambda unit: unit[2], reverse=True)
    done = {r: {} for r in runs if r.parts}
    # "spawn": a fresh interpreter per worker, not a fork of this one with its libraries' threads.
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = {(pool.submit(r.execute) if part is None else pool.submit(r.execute_part, part)): (r, part)
                   for r, part, _ in units}
        for future in as_completed(futures):
            r, part = futures[future]
            if part is None:
                yield future.result()
                continue
            done[r][part] = future.result()
            if len(done[r]) == len(r.parts):
                yield r.finish({p: done[r][p] for p in r.parts})
