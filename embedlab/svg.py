"""A matplotlib figure as SVG text that is byte-identical whenever the drawing is: no date, and a fixed salt for the
SVG's internal ids (random by default), so redrawing unchanged figures shows no diff."""

from __future__ import annotations

import io

# Text stays text (not paths): searchable, and its size can be checked against the page's small print.
SETTINGS = {"svg.hashsalt": "embedlab", "svg.fonttype": "none"}


def svg_text(figure) -> str:
    """The figure as SVG; the figure is closed."""
    import matplotlib
    import matplotlib.pyplot as plt

    buffer = io.StringIO()
    with matplotlib.rc_context(SETTINGS):
        figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    plt.close(figure)
    return buffer.getvalue()
