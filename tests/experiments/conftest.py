"""Results of every experiment: the quick run (trained here, small settings) and the committed full results.

A test named test_SLUG.py checks what the page of experiment SLUG states; the `results` fixture runs each such test
on both the quick and the full results, `full` on the committed full results only.
"""

import json
import subprocess
import sys

import pytest

from embedlab.experiments.registry import SLUGS
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


class _Capture:
    """Stands in for a Run when a test draws an experiment's figure: keeps the figure, laid out, instead of saving."""

    quick = False
    figure = None

    def save_figure(self, figure) -> None:
        figure.canvas.draw()
        self.figure = figure


@pytest.fixture
def draw():
    """draw(module, *args): the figure that module._figure(run, *args) draws, laid out, for inspection."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    def drawn(module, *args):
        capture = _Capture()
        module._figure(capture, *args)
        return capture.figure

    yield drawn
    plt.close("all")


@pytest.fixture
def text_box():
    """text_box(text, renderer): a text's own box in display units (an annotation's without its leader line)."""
    from matplotlib.text import Text

    return Text.get_window_extent
