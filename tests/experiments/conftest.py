"""Results of every experiment: the quick run (trained here, small settings) and the committed full results.

A test named test_SLUG.py checks what the page of experiment SLUG states; the `results` fixture runs each such test
on both the quick and the full results, `full` on the committed full results only.
"""

import json
import subprocess
import sys

import pytest

from embedlab.experiments import SLUGS
from embedlab.experiments.runs import Run
from embedlab.store import ROOT


@pytest.fixture(scope="session")
def quick_run() -> str:
    result = subprocess.run([sys.executable, "-m", "embedlab.experiments", "run", "--quick", "--jobs", "2"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def load(quick: bool) -> dict:
    return {slug: json.loads(Run(slug, quick).results_path.read_text()) for slug in SLUGS}


@pytest.fixture(params=["quick", "full"])
def results(request) -> dict:
    if request.param == "quick":
        request.getfixturevalue("quick_run")
    return load(quick=request.param == "quick")


@pytest.fixture
def full() -> dict:
    return load(quick=False)
