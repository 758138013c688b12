"""Run bookkeeping: where an experiment's results and figure go, its results key, and skipping unchanged runs.

Full runs write docs/results/SLUG.json and docs/figures/SLUG.svg (committed, read by the pages). Quick runs write
the same files under .cache/quick/ (ignored by git), so a quick run never overwrites a published result.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from embedlab.data.files import FILES
from embedlab.experiments import experiment
from embedlab.store import ROOT, atomic_write_text, fingerprint


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
        settings for this mode, and the data checksums. Unchanged key: the experiment need not run again."""
        return fingerprint(modules=[self.module.__name__], params=[self.slug, self.quick, self.settings],
                           data=[f.sha256 for f in FILES.values()])

    def is_current(self) -> bool:
        path = self.results_path
        return path.is_file() and json.loads(path.read_text()).get("input_key") == self.key

    def write_results(self, results: dict, seconds: float) -> None:
        body = {"input_key": self.key, "quick": self.quick, "seconds": round(seconds, 1), **results}
        atomic_write_text(self.results_path, json.dumps(body, indent=1, sort_keys=False) + "\n")

    def save_figure(self, figure) -> None:
        """Save a matplotlib figure as SVG atomically, and close it. No date and a fixed salt for the SVG's internal
        ids (random by default), so a figure drawn from unchanged results is byte-identical and shows no diff."""
        import matplotlib
        import matplotlib.pyplot as plt

        buffer = io.StringIO()
        # Text stays text (not paths): searchable, and its size can be checked against the page's small print.
        with matplotlib.rc_context({"svg.hashsalt": "embedlab", "svg.fonttype": "none"}):
            figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
        atomic_write_text(self.figure_path, buffer.getvalue())
        plt.close(figure)
