"""The concept pages' diagrams, drawn with matplotlib into docs/figures/diagrams/NAME.svg.

    python -m embedlab.site.diagrams          # redraw all
    python -m embedlab.site.diagrams --check  # exit 1 if a committed diagram differs from what this file draws

Toy numbers only: the diagrams show shapes and data flow, not results. Every drawing is deterministic (fixed
values, no dates, a fixed salt for SVG ids), so an unchanged script redraws byte-identical files.
"""

from __future__ import annotations

import sys

import numpy as np

from embedlab.store import ROOT, atomic_write_text
from embedlab.svg import svg_text

FOLDER = ROOT / "docs" / "figures" / "diagrams"
TEXT = 11  # points; the figures are at most 7 inches wide, so this shows above the page's small print
SIZE = 0.5  # a table cell, in the canvas's units (2 per inch)
CELL = {"fill": "#dbe4f5", "pick": "#f4a259", "zero": "#ffffff", "line": "#3d4a66", "noise": "#9fb4d9"}


def _grid(ax, x, y, rows, cols, size=None, fill=CELL["fill"], picked=(), pick=CELL["pick"], values=None):
    """A rows x cols grid of cells with its top-left corner at (x, y); cells in ``picked`` (row numbers) coloured."""
    from matplotlib.patches import Rectangle

    size = size or SIZE
    for r in range(rows):
        for c in range(cols):
            colour = pick if r in picked else fill
            ax.add_patch(Rectangle((x + c * size, y - (r + 1) * size), size, size, facecolor=colour,
                                   edgecolor=CELL["line"], linewidth=0.6))
            if values is not None:
                ax.text(x + (c + 0.5) * size, y - (r + 0.5) * size, values[r][c], ha="center", va="center",
                        fontsize=TEXT - 1)


def _arrow(ax, start, end, text=None, **kw):
    ax.annotate("", xy=end, xytext=start, arrowprops={"arrowstyle": "-|>", "color": CELL["line"], "lw": 1.2, **kw})
    if text:
        ax.text((start[0] + end[0]) / 2, (start[1] + end[1]) / 2 + 0.15, text, ha="center", va="bottom",
                fontsize=TEXT)


def _canvas(width, height):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(width, height))
    ax.set_xlim(0, width * 2)
    ax.set_ylim(0, height * 2)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig, ax


def lookup():
    """One-hot row times the table equals the table's row: the same numbers as picking the row (a gather)."""
    fig, ax = _canvas(7, 3.2)
    ax.text(0.1, 6.1, "As a matrix product", fontsize=TEXT + 1, weight="bold")
    _grid(ax, 0.1, 4.4, 1, 5, values=[["0", "0", "1", "0", "0"]], fill=CELL["zero"])
    ax.text(0.1, 4.55, 'one-hot "alps"', fontsize=TEXT)
    ax.text(3.0, 4.15, "×", fontsize=TEXT + 6, ha="center", va="center")
    _grid(ax, 3.4, 5.4, 5, 4, picked=(2,))
    ax.text(3.4, 5.55, "table W: 5 words × 4", fontsize=TEXT)
    for i, w in enumerate(["[pad]", "the", "alps", "snow", "melt"]):
        ax.text(5.5, 5.4 - (i + 0.5) * SIZE, f"{i} {w}", fontsize=TEXT, va="center")
    ax.text(7.6, 4.15, "=", fontsize=TEXT + 6, ha="center", va="center")
    _grid(ax, 8.0, 4.4, 1, 4, picked=(0,))
    ax.text(8.0, 4.55, "row 2 of W", fontsize=TEXT)
    ax.text(0.1, 2.4, "As Keras computes it: a gather", fontsize=TEXT + 1, weight="bold")
    _grid(ax, 0.1, 1.5, 1, 3, values=[["3", "2", "4"]], fill=CELL["zero"])
    ax.text(0.1, 1.65, "ids of a text", fontsize=TEXT)
    _arrow(ax, (1.8, 1.0), (3.3, 1.0))
    ax.text(2.55, 0.85, "rows\n3, 2, 4", fontsize=TEXT, ha="center", va="top")
    _grid(ax, 3.4, 1.75, 3, 4, picked=(0, 1, 2))
    ax.text(5.7, 1.0, "one vector per id; in training only\nthese rows get a gradient", fontsize=TEXT,
            va="center")
    return fig


def skipgram():
    """Skip-gram with negative sampling: the centre word's row in one table, dotted with the rows of a true context
    word and of noise words in a second table; the loss pushes the first dot product up and the others down."""
    fig, ax = _canvas(7, 3.4)
    words = ["the", "alps", "snow", "tax", "melt", "glacier"]
    for x, title in ((0.1, "centre-word table"), (10.0, "context-word table")):
        ax.text(x, 6.65, title, fontsize=TEXT + 1, weight="bold")
        for i, w in enumerate(words):
            ax.text(x + 2.1, 6.2 - (i + 0.5) * SIZE, w, fontsize=TEXT, va="center")
    _grid(ax, 0.1, 6.2, 6, 4, picked=(1,))
    _grid(ax, 10.0, 6.2, 6, 4, picked=(2,))
    _grid(ax, 10.0, 6.2, 6, 4, picked=(0, 3), pick=CELL["noise"], fill="none")
    rows = [("alps · snow", "context word: push σ(dot) to 1", CELL["pick"]),
            ("alps · tax", "noise word: push σ(dot) to 0", CELL["noise"]),
            ("alps · the", "noise word: push σ(dot) to 0", CELL["noise"])]
    for i, (label, goal, colour) in enumerate(rows):
        y = 5.8 - i * 1.15
        ax.text(3.9, y, label, fontsize=TEXT, va="center", bbox={"facecolor": colour, "edgecolor": "none"})
        ax.text(3.9, y - 0.45, goal, fontsize=TEXT, va="center")
    ax.text(0.1, 1.6, 'In "the alps lose snow", "snow" is a context word of "alps"; noise words are drawn at\n'
                      "random (frequency to the power 3/4). Only the rows in a pair change.",
            fontsize=TEXT, va="center")
    return fig


def glove():
    """GloVe: count how often words occur near each other, then fit dot products of two tables (plus biases) to the
    logarithm of the counts, each cell weighted by f(count)."""
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(7, 3.0), gridspec_kw={"width_ratios": [1.1, 1]})
    words = ["alps", "snow", "ice", "tax", "vote"]
    counts = np.array([[0, 42, 30, 1, 0], [42, 0, 55, 0, 1], [30, 55, 0, 2, 0], [1, 0, 2, 0, 37],
                       [0, 1, 0, 37, 0]])
    left.imshow(np.log1p(counts), cmap="Blues")
    for i in range(5):
        for j in range(5):
            left.text(j, i, str(counts[i, j]), ha="center", va="center", fontsize=TEXT - 1,
                      color="white" if counts[i, j] > 20 else "black")
    left.set_xticks(range(5), words, fontsize=TEXT - 1, rotation=45)
    left.set_yticks(range(5), words, fontsize=TEXT - 1)
    left.set_title("co-occurrence counts X", fontsize=TEXT + 1)
    x = np.linspace(0, 150, 300)
    right.plot(x, np.minimum((x / 100) ** 0.75, 1), color=CELL["line"])
    right.set_xlabel("count Xᵢⱼ", fontsize=TEXT)
    right.set_ylabel("weight f(Xᵢⱼ)", fontsize=TEXT)
    right.tick_params(labelsize=TEXT - 1)
    right.set_title("fit wᵢ · w̃ⱼ + bᵢ + b̃ⱼ ≈ log Xᵢⱼ,\neach cell weighted by f(Xᵢⱼ)", fontsize=TEXT)
    right.annotate("rare pairs count less;\nno cell counts\nmore than 1", xy=(40, 0.5), xytext=(145, 0.08),
                   ha="right", va="bottom", multialignment="left", fontsize=TEXT - 1,
                   arrowprops={"arrowstyle": "-", "color": "grey"})
    fig.tight_layout()
    return fig


def fasttext():
    """fastText: a word's vector is the average of its own row and the rows of its character n-grams, which live in
    a table of hashed buckets shared by all words."""
    fig, ax = _canvas(7, 3.5)
    ax.text(0.1, 6.7, 'The word "melt", marked <melt>, and its 3-grams', fontsize=TEXT + 1, weight="bold")
    picked = (0, 2, 3, 5, 6)
    for i, (gram, row) in enumerate(zip(["<melt>", "<me", "mel", "elt", "lt>"], picked)):
        y = 5.6 - i * 0.75
        ax.text(0.1, y, gram, fontsize=TEXT, va="center", family="monospace")
        _arrow(ax, (1.5, y), (3.9, 6.0 - (row + 0.5) * SIZE))
    ax.text(1.9, 6.1, "hash", fontsize=TEXT)
    _grid(ax, 4.0, 6.0, 8, 4, picked=picked)
    ax.text(6.2, 5.6, "rows of words and of\nhashed n-gram buckets", fontsize=TEXT, va="center")
    _arrow(ax, (6.2, 3.6), (8.3, 3.6), "average")
    _grid(ax, 8.5, 3.85, 1, 4, picked=(0,))
    ax.text(8.5, 4.05, "vector of melt", fontsize=TEXT)
    ax.text(0.1, 1.0, 'A word never seen in training ("melting") still gets a vector from the n-grams it\n'
                      "shares with words that were seen.", fontsize=TEXT, va="center")
    return fig


DIAGRAMS = {"lookup": lookup, "skipgram": skipgram, "glove": glove, "fasttext": fasttext}


def svg(draw) -> str:
    import matplotlib

    matplotlib.use("Agg")
    with matplotlib.rc_context({"font.family": "DejaVu Sans"}):
        return svg_text(draw())


def main(argv: list[str]) -> int:
    stale = []
    for name, draw in DIAGRAMS.items():
        path = FOLDER / f"{name}.svg"
        drawn = svg(draw)
        if "--check" in argv:
            if not path.is_file() or path.read_text() != drawn:
                stale.append(path.name)
        elif not path.is_file() or path.read_text() != drawn:  # unchanged drawings are not rewritten
            atomic_write_text(path, drawn)
            print(f"drew {path.relative_to(ROOT)}")
    if stale:
        print(f"error: {', '.join(stale)} differ from what embedlab/site/diagrams.py draws; run "
              "`python -m embedlab.site.diagrams`", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
