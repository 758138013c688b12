"""The site as a whole: it builds strictly, every code block is a tested snippet, it loads nothing from elsewhere."""

import html
import json
import re
from pathlib import Path

from embedlab.snippets import RECORD, ROOT, all_snippets, source_sha256

DOCS = ROOT / "docs"
INCLUDE = re.compile(r'^--8<-- "(?P<path>[^"]+)"$')
FENCE = re.compile(r"^```(?P<lang>\w*)[^\n]*\n(?P<body>.*?)^```", re.MULTILINE | re.DOTALL)


def _pages() -> dict[Path, str]:
    return {page: page.read_text() for page in DOCS.glob("**/*.md")}


def test_python_blocks_are_snippet_includes():
    for page, text in _pages().items():
        for fence in FENCE.finditer(text):
            if fence["lang"] in ("python", "py"):
                body = fence["body"].strip()
                match = INCLUDE.match(body)
                assert match and match["path"].startswith("snippets/"), f"{page.name}: Python typed into the page"


def test_every_snippet_and_output_is_on_a_page():
    included = {m["path"] for text in _pages().values() for m in map(INCLUDE.match, text.splitlines()) if m}
    for snippet in all_snippets():
        relpath = snippet.relative_to(ROOT)
        assert str(relpath) in included, f"{relpath} is on no page"
        assert str(relpath.with_suffix(".out")) in included, f"the output of {relpath} is on no page"


def test_every_snippet_has_a_test():
    tests = "".join(path.read_text() for path in Path(__file__).parent.glob("test_*.py"))
    for snippet in all_snippets():
        assert f'"{snippet.relative_to(ROOT / "snippets")}"' in tests, f"no test runs {snippet.name}"


def test_recorded_outputs_come_from_the_current_snippets():
    recorded = json.loads(RECORD.read_text())
    for snippet in all_snippets():
        relpath = str(snippet.relative_to(ROOT))
        assert recorded.get(relpath, {}).get("sha256") == source_sha256(snippet), (
            f"{relpath} changed since its output was recorded: run `python -m embedlab.snippets {relpath}`"
        )


def _code_blocks(page_html: str, language: str) -> list[str]:
    blocks = re.findall(rf'<div class="language-{language} highlight">.*?<code>(.*?)</code>', page_html, re.DOTALL)
    return [html.unescape(re.sub(r"<[^>]+>", "", block)) for block in blocks]


def test_every_python_block_in_the_html_is_a_snippet(site):
    snippets = {path.read_text().strip() for path in all_snippets()}
    shown = 0
    for page in site.glob("**/*.html"):
        for block in _code_blocks(page.read_text(), "python"):
            assert block.strip() in snippets, f"{page.relative_to(site)} shows Python that is not a snippet file"
            shown += 1
    assert shown == len(snippets)


def test_formulas_are_mathml(site):
    page = (site / "glove" / "index.html").read_text()
    assert "<math" in page and 'class="arithmatex"' not in page


def test_nothing_loaded_from_other_hosts(site):
    remote = re.compile(r'<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="(?:https?:)?//', re.IGNORECASE)
    for page in site.glob("**/*.html"):
        text = page.read_text()
        assert not remote.search(text), f"{page.relative_to(site)} loads {remote.search(text).group(0)}"
    for sheet in site.glob("**/*.css"):
        assert "fonts.googleapis" not in sheet.read_text() and "@import url(http" not in sheet.read_text()
