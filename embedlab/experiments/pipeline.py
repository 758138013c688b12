"""Running experiments: where results and figures go, and skipping experiments whose inputs did not change.

Full runs write docs/results/NAME.json and docs/figures/NAME.svg (committed, read by the pages). Quick runs write
the same files under .cache/quick/ (ignored by git), so a quick run never overwrites a published result.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path

from embedlab.data import FILES, atomic_write_text

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "embedlab"
# Source files that decide every experiment's output; each experiment adds its own module and the modules it uses.
COMMON_SOURCES = ["data.py", "corpus.py", "experiments/pipeline.py"]


@dataclass(frozen=True)
class Run:
    quick: bool
    scratch: Path | None = None  # write here instead (used by the check against committed results)

    @property
    def root(self) -> Path:
        if self.scratch is not None:
            return self.scratch
        return ROOT / ".cache" / "quick" if self.quick else ROOT / "docs"

    @property
    def seeds(self) -> list[int]:
        return [0, 1] if self.quick else [0, 1, 2]

    def results_path(self, name: str) -> Path:
        return self.root / "results" / f"{name}.json"

    def figure_path(self, name: str) -> Path:
        return self.root / "figures" / f"{name}.svg"


def input_key(module, quick: bool) -> str:
    """A digest of everything that decides an experiment's output: its code and the code it uses (module.USES),
    the data checksums and the mode. An experiment whose key is unchanged need not run again."""
    digest = hashlib.sha256(json.dumps([module.NAME, quick, sorted(f.sha256 for f in FILES.values())]).encode())
    for source in [*COMMON_SOURCES, *module.USES, f"experiments/{Path(module.__file__).name}"]:
        digest.update((PACKAGE / source).read_bytes())
    return digest.hexdigest()


def is_current(run: Run, name: str, key: str) -> bool:
    path = run.results_path(name)
    return path.is_file() and json.loads(path.read_text()).get("input_key") == key


def write_results(run: Run, name: str, key: str, results: dict, seconds: float) -> None:
    body = {"input_key": key, "quick": run.quick, "seconds": round(seconds, 1), **results}
    atomic_write_text(run.results_path(name), json.dumps(body, indent=1, sort_keys=False) + "\n")


def save_figure(run: Run, figure, name: str) -> None:
    """Save a matplotlib figure as SVG atomically. No date and a fixed salt for the SVG's internal ids (random by
    default), so a figure drawn from unchanged results is byte-identical and shows no diff."""
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": "embedlab"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    atomic_write_text(run.figure_path(name), buffer.getvalue())
