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


@pytest.mark.parametrize("path", FIGURES, ids=lambda path: path.name)
def test_no_figure_label_is_smaller_than_the_pages_small_print(path):
    svg = path.read_text()
    width_pt = float(re.search(r'<svg[^>]* width="([\d.]+)pt"', svg).group(1))
    sizes = [float(s) for s in re.findall(r"font-size: ([\d.]+)px", svg)]
    assert sizes, f"{path.name} has no text as text (svg.fonttype must be 'none')"
    shown_px = min(width_pt * 4 / 3, COLUMN_PX)  # an SVG user unit is a point here: 4/3 of a CSS pixel
    smallest = min(sizes) * shown_px / width_pt
    assert smallest >= SMALL_PRINT_PX, f"{path.name}: a {min(sizes)} pt label shows at {smallest:.1f} px"


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
