"""The wall time of the last whole regeneration: every full experiment run by one command, for the contributors'
page. (Each experiment's results file holds its own time; with several processes the whole takes less than the sum.)
"""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path

from embedlab.experiments.registry import SLUGS
from embedlab.store import ROOT, atomic_write_text, cache_dir

PATH = ROOT / "docs" / "results" / "regeneration.json"


def cache_is_empty() -> bool:
    """Whether nothing is cached yet (trained vectors, task models, compiled steps): asked before a run starts."""
    return not cache_dir().is_dir() or not any(cache_dir().iterdir())


def covers_every_experiment(record: dict) -> bool:
    """Whether a record timed the experiments registered now: an experiment added since makes it a partial one."""
    return sorted(record.get("experiments", [])) == sorted(SLUGS)


def record(ran: list[str], quick: bool, seconds: float, jobs: int, empty_cache: bool, path: Path = PATH) -> bool:
    """Write the record if the experiments that ran (slugs) are all of them, with full settings; whether it did."""
    if quick or set(ran) != set(SLUGS):
        return False
    body = {"seconds": round(seconds, 1), "jobs": jobs, "cores": len(os.sched_getaffinity(0)),
            "empty_cache": empty_cache, "date": datetime.date.today().isoformat(), "experiments": sorted(ran)}
    atomic_write_text(path, json.dumps(body, indent=1) + "\n")
    return True
