"""Check that the committed results are what a full run produces, within stated tolerances.

Training on CPU is seeded but not bit-for-bit reproducible across machines (thread scheduling changes the order of
floating-point sums), so numbers are compared with a tolerance and word lists by overlap. Some results are drawing
data, not statements: t-SNE coordinates (DRAWING) amplify the last digits of a trained table into visibly different
maps, so they are not compared; what the map page states about them (trustworthiness, polarity agreement in 2-D,
the k-means split) is, within the tolerances.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from embedlab.experiments.runs import Run, execute_all

ABSOLUTE = 0.02  # scores, correlations, shares and cosines: all lie in [-1, 1]
RELATIVE = 0.10  # other numbers (distances, counts)
WORD_OVERLAP = 0.6  # share of a word list (nearest neighbours) that must agree
IGNORED = {"input_key", "seconds", "part_seconds"}
DRAWING = {"x", "y"}  # map coordinates: what the figure draws, not what the page states


def differences(committed, fresh, path: str = "") -> list[str]:
    if isinstance(committed, dict) and isinstance(fresh, dict):
        if set(committed) != set(fresh):
            return [f"{path}: keys differ"]
        compared = [k for k in committed if k not in IGNORED | DRAWING]
        return [d for k in compared for d in differences(committed[k], fresh[k], f"{path}/{k}")]
    if isinstance(committed, list) and isinstance(fresh, list):
        if committed and all(isinstance(w, str) for w in committed):
            overlap = len(set(committed) & set(fresh)) / len(set(committed))  # labels repeat: compare distinct
            return [] if overlap >= WORD_OVERLAP else [f"{path}: {committed} vs {fresh}"]
        if len(committed) != len(fresh):
            return [f"{path}: lengths differ"]
        return [d for i, (a, b) in enumerate(zip(committed, fresh)) for d in differences(a, b, f"{path}[{i}]")]
    if isinstance(committed, bool) or not isinstance(committed, (int, float)):
        return [] if committed == fresh else [f"{path}: {committed!r} vs {fresh!r}"]
    tolerance = ABSOLUTE if abs(committed) <= 1 else RELATIVE * abs(committed)
    return [] if abs(committed - fresh) <= tolerance else [f"{path}: {committed} vs {fresh}"]


def check(slugs: list[str], jobs: int = 1) -> int:
    failures = 0
    with tempfile.TemporaryDirectory() as scratch:
        fresh = {slug: Run(slug, quick=False, scratch=Path(scratch)) for slug in slugs}
        for summary in execute_all(list(fresh.values()), jobs):
            print(summary, flush=True)
        for slug, r in fresh.items():
            committed = json.loads(Run(slug, quick=False).results_path.read_text())
            found = differences(committed, json.loads(r.results_path.read_text()))
            failures += bool(found)
            print(f"{slug}: " + ("matches" if not found else f"{len(found)} differences"))
            for line in found[:20]:
                print(f"  {line}")
    return 1 if failures else 0
