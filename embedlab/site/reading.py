"""How long a built page is to read, counted from its article in the built HTML.

Prose is the text a reader reads line by line: paragraphs, list items, headings, admonitions and definitions.
Code blocks, program outputs, tables, figures, formulas and folded blocks are left out of it, since a reader scans or
skips them; the total counts every word of the article except scripts, styles and the interactive maps' data.
At about 200 words a minute, 2,000 words of prose read in 10 minutes.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from embedlab.store import ROOT

PROSE_WORDS = 2000  # the most a page of the reading path may hold: about 10 minutes at 200 words a minute
# Where the words inside these elements go: never counted, counted in the total only.
UNCOUNTED = {"script", "style", "svg", "template"}
NOT_PROSE = {"pre", "table", "figure", "math", "details", "nav"}
HIDDEN = "clipboard-copy-txt"  # mkdocs-jupyter's hidden copy of each code cell, for its copy button
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
WORD = re.compile(r"[^\W_][\w'’.-]*")


class _Counter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str]] = []  # (tag, what its words count as) of the elements open in the article
        self.in_article = False
        self.prose = self.total = 0

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.in_article, self.open = True, []
        elif self.in_article and tag not in VOID:
            hidden = tag in UNCOUNTED or HIDDEN in (dict(attrs).get("class") or "").split()
            self.open.append((tag, "none" if hidden else "total" if tag in NOT_PROSE else "prose"))

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article = False
        elif self.in_article and tag in (name for name, _ in self.open):
            while self.open.pop()[0] != tag:  # close what the page left open inside it
                pass

    def handle_data(self, data):
        kinds = {kind for _, kind in self.open}
        if not self.in_article or "none" in kinds:
            return
        words = len(WORD.findall(data))
        self.total += words
        if "total" not in kinds:
            self.prose += words


def words(page_html: str) -> tuple[int, int]:
    """(prose words, total words) of a built page's article."""
    counter = _Counter()
    counter.feed(page_html)
    return counter.prose, counter.total


def reading_path(config: Path | None = None) -> list[str]:
    """Home and the pages of mkdocs.yml's "The reading path" section, as docs/ files."""
    import yaml

    class Loader(yaml.SafeLoader):  # mkdocs.yml's !ENV and !!python tags are not needed to read the nav
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    nav = yaml.load((config or ROOT / "mkdocs.yml").read_text(), Loader)["nav"]
    entries = {name: value for entry in nav for name, value in entry.items()}
    return [entries["Home"]] + [page for entry in entries["The reading path"] for page in entry.values()]


def page_lengths(site: Path) -> dict[str, tuple[int, int]]:
    """Per built page (its URL path), (prose words, total words)."""
    return {str(page.parent.relative_to(site)) if page.name == "index.html" else str(page.relative_to(site)):
            words(page.read_text()) for page in sorted(site.glob("**/*.html")) if page.name != "404.html"}


if __name__ == "__main__":
    import sys

    for url, (prose, total) in page_lengths(Path(sys.argv[1] if len(sys.argv) > 1 else "site")).items():
        print(f"{prose:6,} {total:7,}  {url}")
