"""The site as a whole: it builds strictly, every code block is a tested snippet, it loads nothing from elsewhere."""

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from embedlab.site.reading import PROSE_WORDS, page_lengths, reading_path
from embedlab.site.snippets import RECORD, ROOT, all_snippets, backends, output_path, shown, stamp, versions

DOCS = ROOT / "docs"
INCLUDE = re.compile(r'^--8<-- "(?P<path>[^":]+)(?::\w+)?"$')  # a whole file, or one named section of it
# Fences may be indented: a long script is folded into a collapsible block.
FENCE = re.compile(r"^ *```(?P<lang>\w*)[^\n]*\n(?P<body>.*?)^ *```", re.MULTILINE | re.DOTALL)


def _pages() -> dict[Path, str]:
    return {page: page.read_text() for page in DOCS.glob("**/*.md")}


def test_python_blocks_are_snippet_includes():
    for page, text in _pages().items():
        for fence in FENCE.finditer(text):
            if fence["lang"] in ("python", "py"):
                body = fence["body"].strip()
                match = INCLUDE.match(body)
                assert match and match["path"].startswith("snippets/"), f"{page.name}: Python typed into the page"



FOLD_LINES = 60  # a script this long is folded (README: adding a page or a snippet)


def test_long_scripts_are_folded():
    for page, text in _pages().items():
        for indent, path in re.findall(r'^( *)--8<-- "(snippets/[^"]+\.py)"$', text, re.MULTILINE):
            lines = len((ROOT / path).read_text().splitlines())
            assert lines < FOLD_LINES or indent, f"{page.name}: {path} has {lines} lines; fold it in a ??? block"

def test_every_snippet_is_run_by_a_test(whole_suite, snippets_run):
    """Measured from what the tests ran (the run_snippet fixture), not from their source text."""
    every = {(str(path.relative_to(ROOT / "snippets")), backend)
             for path in all_snippets() for backend in backends(path)}
    assert every - snippets_run == set(), f"no test runs {sorted(every - snippets_run)}"


def test_recorded_outputs_come_from_the_current_snippets():
    recorded = json.loads(RECORD.read_text())
    for snippet in all_snippets():
        relpath = str(snippet.relative_to(ROOT))
        assert recorded.get(relpath, {}).get("stamp") == stamp(snippet), (
            f"{relpath} or the package code it imports changed since its output was recorded: "
            f"run `python -m embedlab.site.snippets {relpath}`"
        )


def test_recorded_output_lines_fit_the_text_column():
    """About 90 characters of code font fill the text column at desktop width; a longer line would scroll sideways
    and hide the numbers the text discusses."""
    for snippet in all_snippets():
        for backend in backends(snippet):
            output = output_path(snippet, backend)
            long = [line for line in output.read_text().splitlines() if len(line) > 90] if output.is_file() else []
            assert not long, f"{output.relative_to(ROOT)}: {long[0]!r}"


def _code_blocks(page_html: str, language: str) -> list[str]:
    blocks = re.findall(rf'<div class="language-{language} highlight"[^>]*>.*?<code>(.*?)</code>', page_html, re.DOTALL)
    return [html.unescape(re.sub(r"<[^>]+>", "", block)) for block in blocks]


def test_every_python_block_in_the_html_is_a_snippet_and_every_snippet_is_shown(site):
    """A block is a whole snippet file or one of its named sections; every file is shown whole somewhere."""
    whole = {shown(path)[""].strip(): path for path in all_snippets()}
    sections = {text.strip() for path in all_snippets() for name, text in shown(path).items() if name}
    seen = set()
    for page in site.glob("**/*.html"):
        for block in _code_blocks(page.read_text(), "python"):
            assert block.strip() in whole or block.strip() in sections, (
                f"{page.relative_to(site)} shows Python that is not a snippet file or a named section of one")
            seen.add(block.strip())
    missing = [str(whole[text].relative_to(ROOT)) for text in set(whole) - seen]
    assert not missing, f"on no page: {missing}"


def test_every_recorded_output_is_shown(site):
    """Each snippet's output appears as a code block of the built site (an include in a comment would not count)."""
    blocks = {block.strip() for page in site.glob("**/*.html") for block in _code_blocks(page.read_text(), "text")}
    for snippet in all_snippets():
        for backend in backends(snippet):
            output = output_path(snippet, backend).read_text().strip()
            assert output in blocks, f"the {backend} output of {snippet.relative_to(ROOT)} is on no page"


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


def test_a_click_enlarges_every_figure(site):
    """glightbox wraps each figure in a link that opens it at the window's size; its script is served locally."""
    checked = 0
    for page in site.glob("experiments/*/index.html"):
        text = page.read_text()
        for figure in re.findall(r'<img[^>]*src="[^"]*figures/[^"]+\.svg"', text):
            checked += 1
            source = re.search(r'src="([^"]+)"', figure).group(1)
            links = re.findall(r"<a\b[^>]*>", text)
            assert any('class="glightbox"' in a and f'href="{source}"' in a for a in links), (page, source)
    assert checked >= 6 and list(site.glob("**/glightbox.min.js"))


def test_pages_with_snippets_name_the_versions_their_outputs_were_recorded_with(site):
    from embedlab.site.snippets import install_line

    recorded = json.loads(RECORD.read_text())
    for entry in recorded.values():
        assert entry["versions"] == versions(), "outputs recorded with other versions than installed: make outputs"
    for folder in {path.parent.name for path in all_snippets()}:
        page = site / folder.replace("_", "-") / "index.html"
        text = html.unescape(page.read_text())
        assert "Every output on this page was recorded by running its snippet with" in text, page
        assert f"Keras {versions()['keras']}" in text and f"JAX {versions()['jax']}" in text, page
        # The pinned versions of what the page's snippets import (Keras for most; a page without it names none).
        shell = _code_blocks(page.read_text(), "sh")
        expected = install_line(sorted((ROOT / "snippets" / folder).glob("*.py")))
        assert any(block.strip() == expected for block in shell), page


def test_home_page_says_how_many_outputs_a_rerun_reproduced(site):
    recorded = json.loads(RECORD.read_text())
    assert all(isinstance(entry.get("rerun_identical"), bool) for entry in recorded.values()), "run make outputs"
    same = sum(entry["rerun_identical"] for entry in recorded.values())
    text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", (site / "index.html").read_text())))
    assert f"{same} of {len(recorded)} snippets printed exactly the same both times" in text


def test_colour_scheme_follows_the_readers_system_setting(site):
    """The palette offers the system setting first, then light and dark for it to pick by media query."""
    media = re.findall(r'data-md-color-media="([^"]+)"', (site / "index.html").read_text())
    assert media[:3] == ["(prefers-color-scheme)", "(prefers-color-scheme: light)", "(prefers-color-scheme: dark)"]


def test_the_404_page_works_under_a_sub_path(tmp_path):
    """GitHub Pages serves a project's site under /REPOSITORY/ and answers any unknown address there with 404.html,
    from whatever folder was asked for: its styles, scripts and links must not depend on that folder."""
    out = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)], cwd=ROOT, capture_output=True,
        text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL="https://example.org/embedding/"))
    assert result.returncode == 0, result.stderr
    page = (out / "404.html").read_text()
    assets = re.findall(r'<(?:link|script)\b[^>]*\b(?:href|src)="([^"]+)"', page)
    local = [a for a in assets if not a.startswith("https://example.org/")]
    assert assets and all(a.startswith("/embedding/") for a in local), local


def _article(page_html: str) -> str:
    """A built page's article with its code, scripts and formulas taken out: the text Markdown should have turned
    into HTML."""
    article = re.search(r"<article\b.*?</article>", page_html, re.DOTALL)
    text = re.sub(r"<(pre|code|script|style|svg|math)\b.*?</\1>", " ", article[0] if article else "", flags=re.DOTALL)
    return re.sub(r'<div class="clipboard-copy-txt".*?</div>', " ", text, flags=re.DOTALL)  # a notebook cell's copy


def test_no_table_row_or_template_syntax_is_left_as_text(site):
    """A blank line that a template loop leaves inside a table ends it: the rows after it render as paragraphs that
    start with "|". A macro or variable the build did not expand shows as Jinja's braces."""
    for page in site.glob("**/*.html"):
        article = _article(page.read_text())
        paragraphs = [html.unescape(re.sub(r"<[^>]+>", "", p)).strip() for p in re.findall(r"<p>(.*?)</p>", article,
                                                                                          re.DOTALL)]
        rows = [p[:80] for p in paragraphs if p.startswith("|")]
        assert not rows, f"{page.relative_to(site)}: table rows left as text: {rows}"
        text = html.unescape(re.sub(r"<[^>]+>", " ", article))
        leftovers = re.findall(r".{0,30}(?:\{\{|\{%|%\}|\}\}|\{#).{0,30}", text)
        assert not leftovers, f"{page.relative_to(site)}: template syntax left in the page: {leftovers}"


def test_the_rendering_check_finds_a_table_row_left_as_text():
    page = "<article><table><tr><td>a</td></tr></table>\n<p>| chance | 0.518 | |</p></article>"
    assert re.findall(r"<p>(.*?)</p>", _article(page))[0].startswith("|")


def test_each_page_of_the_reading_path_reads_in_ten_minutes(site):
    """About 2,000 words of prose, counted as embedlab/site/reading.py says (code, outputs and tables left out)."""
    lengths = page_lengths(site)
    for doc in reading_path():
        url = "." if doc == "index.md" else doc.removesuffix(".md")
        prose, _ = lengths[url]
        assert prose <= PROSE_WORDS, f"{doc}: {prose:,} words of prose, more than {PROSE_WORDS:,}"


def test_code_and_outputs_stay_out_of_the_search_index(site):
    """hooks/search_scope.py: the index every page loads holds the prose, not the code blocks, outputs or folded
    scripts."""
    index = (site / "search" / "search_index.json").read_text()
    assert "BATCHES_PER_CALL" not in index  # only in snippets/word2vec/sgns_keras.py, which word2vec.md folds
    assert "d loss / d vector" not in index  # a comment in snippets/lookup_table/sparse_gradient.py, shown open
    assert "row 1: gradient" not in index  # an output: snippets/lookup_table/sparse_gradient.out
    assert "def epoch_pairs" not in index and "def headlines_in" not in index  # the notebooks' code cells
    assert "IndexedSlices" in index and "negative sampling" in index  # prose, inline code included


def test_prose_words_leave_out_code_tables_and_folded_blocks():
    from embedlab.site.reading import words

    page = ("<header>Menu words</header><article><h1>Two words</h1><p>Three more <code>words</code></p>"
            "<pre><code>not prose at all</code></pre><table><tr><td>cell words</td></tr></table>"
            "<details><p>folded words</p></details><script>var x = 1;</script></article>")
    assert words(page) == (5, 13)  # prose: the heading and the paragraph; total: every word but the script


def test_each_hover_explanation_names_a_term_of_the_glossary_and_shows_on_the_pages(site):
    """includes/abbreviations.md is appended to every page: each term it explains is a glossary term (or part of
    one), and pages that use the term show the explanation on hover."""
    glossary = (DOCS / "glossary.md").read_text().lower()
    terms = re.findall(r"^\*\[([^\]]+)\]: (.+)$", (ROOT / "includes" / "abbreviations.md").read_text(), re.MULTILINE)
    assert len(terms) >= 15
    for term, _ in terms:
        assert term.lower().rstrip("s") in glossary, f"{term!r} is explained on hover but not in the glossary"
    lookup = (site / "lookup-table" / "index.html").read_text()
    assert re.search(r'<abbr title="[^"]+">gather</abbr>', lookup)
