"""Every figure on the site: drawn by a script in the repository, readable at the page's width, captioned."""

import re

import pytest

from embedlab.site import diagrams
from embedlab.site.captions import TAKEAWAYS
from embedlab.store import ROOT

FIGURES = sorted((ROOT / "docs" / "figures").rglob("*.svg"))
# The page's small print (mkdocs-material: tables and footers at 0.64 rem of a 20 px root) and the width of its text
# column in a 1280-pixel window; a figure wider than the column is shrunk to it, a narrower one is shown at its size.
SMALL_PRINT_PX = 12.8
COLUMN_PX = 690
# On a phone the figure is shrunk to the screen: 390 CSS pixels (an iPhone 12-15), where text under about 9 px tall
# cannot be read. The experiment figures that hold the most text are checked there too.
PHONE_PX = 390
PHONE_SMALLEST_PX = 9
READ_ON_A_PHONE = ["movement", "map", "two_spaces", "headlines"]


def _width_pt(svg: str) -> float:
    return float(re.search(r'<svg[^>]* width="([\d.]+)pt"', svg).group(1))


@pytest.mark.parametrize("path", FIGURES, ids=lambda path: path.name)
def test_no_figure_label_is_smaller_than_the_pages_small_print(path):
    svg = path.read_text()
    width_pt = _width_pt(svg)
    sizes = [float(s) for s in re.findall(r"font-size: ([\d.]+)px", svg)]
    assert sizes, f"{path.name} has no text as text (svg.fonttype must be 'none')"
    shown_px = min(width_pt * 4 / 3, COLUMN_PX)  # an SVG user unit is a point here: 4/3 of a CSS pixel
    smallest = min(sizes) * shown_px / width_pt
    assert smallest >= SMALL_PRINT_PX, f"{path.name}: a {min(sizes)} pt label shows at {smallest:.1f} px"


@pytest.mark.parametrize("slug", READ_ON_A_PHONE)
def test_figure_text_is_readable_on_a_phone(slug):
    svg = (ROOT / "docs" / "figures" / f"{slug}.svg").read_text()
    smallest = min(float(s) for s in re.findall(r"font-size: ([\d.]+)px", svg)) * PHONE_PX / _width_pt(svg)
    assert smallest >= PHONE_SMALLEST_PX, f"{slug}: the smallest text shows at {smallest:.1f} px on a phone"


@pytest.mark.parametrize("name", diagrams.DIAGRAMS)
def test_diagram_text_stays_inside_the_plot_it_annotates(name):
    """Where a diagram draws axes (a framed plot), every text and annotation in it stays inside the frame."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure = diagrams.DIAGRAMS[name]()
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    try:
        for ax in figure.axes:
            if not ax.axison:
                continue
            frame = ax.get_window_extent(renderer)
            for text in ax.texts:
                box = text.get_window_extent(renderer)
                assert frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1, (
                    name, text.get_text())
    finally:
        plt.close(figure)


def test_committed_diagrams_are_what_the_script_draws():
    assert diagrams.main(["--check"]) == 0
    assert {p.stem for p in (ROOT / "docs" / "figures" / "diagrams").glob("*.svg")} == set(diagrams.DIAGRAMS)


def test_every_figure_on_the_site_has_a_caption(site):
    """Each figure image sits in a <figure> whose <figcaption> says something (experiment captions hold numbers)."""
    shown = set()
    for page in site.rglob("*.html"):
        text = page.read_text()
        for figure in re.findall(r"<figure\b.*?</figure>", text, re.DOTALL):
            for source in re.findall(r'<img[^>]*src="[^"]*figures/([^"]+)\.svg"', figure):
                caption = re.search(r"<figcaption>(.*?)</figcaption>", figure, re.DOTALL)
                assert caption and len(caption.group(1).split()) >= 8, (page, source)
                if source in TAKEAWAYS:
                    assert re.search(r"\d", caption.group(1)), (page, source)
                shown.add(source)
        outside = re.sub(r"<figure\b.*?</figure>|<noscript>.*?</noscript>", "", text, flags=re.DOTALL)
        assert not re.search(r'<img[^>]*src="[^"]*figures/', outside), f"{page}: a figure without a caption"
    assert set(TAKEAWAYS) | {f"diagrams/{name}" for name in diagrams.DIAGRAMS} <= shown
