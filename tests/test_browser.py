"""The built site as a reader sees it, in headless Chromium.

One browser visits each page once, in a fresh context (an empty cache, so the page weight counts everything the page
loads), and records what the tests below check; each search query gets a visit of its own.
"""

import asyncio
import os
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread
from time import perf_counter
from urllib.parse import urlsplit

import axe_playwright_python
import pytest
from playwright.async_api import async_playwright

from embedlab.site.snippets import all_snippets, shown

CHROMIUM = Path(os.environ.get("EMBEDLAB_CHROMIUM", "/usr/bin/chromium"))
if not CHROMIUM.is_file():
    pytest.skip(
        f"Chromium not found at {CHROMIUM}: install Debian's chromium package (make test does this when run as root)"
        " or set EMBEDLAB_CHROMIUM",
        allow_module_level=True,
    )

# The network is closed: no QUIC probing, no background, update or sync traffic that could stall or log errors.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
REVEAL = """(button) => {
    button.closest("details")?.setAttribute("open", "");  // a long script is folded until the reader opens it
    const block = button.closest(".tabbed-block");
    if (!block) return;
    const index = [...block.parentElement.children].indexOf(block);
    block.closest(".tabbed-set").querySelectorAll(":scope > input")[index].click();
}"""
AXE = Path(axe_playwright_python.__file__).with_name("axe.min.js")
MAX_PAGE_BYTES = 2_000_000
SEARCHES = {"IndexedSlices": "lookup-table/", "negative sampling": "word2vec/", "fastText": "fasttext/",
            "load glove": "pretrained/", "freeze": ("pretrained/", "guide/"), "OOV": "glossary/", "PMI": "glossary/",
            "should I use word2vec": "guide/"}
TOP_RESULTS = 3
PARALLEL_TABS = 2

# Lazy images below the fold would never load in a headless visit: make them eager and wait until each is decoded.
IMAGES = """async () => Promise.all([...document.images].map(async (img) => {
    img.loading = "eager";
    await img.decode().catch(() => {});
    return {src: img.currentSrc || img.src, width: img.naturalWidth, alt: (img.getAttribute("alt") || "").trim()};
}))"""
VIOLATIONS = """async () => (await axe.run({resultTypes: ["violations"]})).violations
    .filter((v) => ["serious", "critical"].includes(v.impact))
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`)"""
# Colours change with a transition: axe must see the colours they end on.
TRANSITIONS_END = """() => Promise.all(document.getAnimations()
    .filter((animation) => animation instanceof CSSTransition).map((transition) => transition.finished))"""
LOAD_MS = 'performance.getEntriesByType("navigation")[0].loadEventEnd'
# Canvases that were drawn at a visible size (Bokeh draws the maps into canvases inside its shadow roots; locators
# reach into open shadow roots).
DRAWN = "canvases => canvases.filter((canvas) => canvas.width > 100 && canvas.height > 100).length"
# What scrolls sideways in the text column: output blocks (their first line that does not fit) and tables (their
# first header). A block hidden in a content tab that is not picked has no width and does not count.
WIDE_OUTPUTS = """() => [...document.querySelectorAll(".md-typeset .highlight")]
    .filter((block) => block.querySelector(".filename")?.textContent.startsWith("Output"))
    .map((block) => block.querySelector("pre")).filter((pre) => pre.scrollWidth > pre.clientWidth + 1)
    .map((pre) => pre.textContent.split("\\n").reduce((a, b) => (b.length > a.length ? b : a)))"""
WIDE_TABLES = """() => [...document.querySelectorAll(".md-typeset__scrollwrap")]
    .filter((wrap) => wrap.scrollWidth > wrap.clientWidth + 1)
    .map((wrap) => wrap.querySelector("th")?.textContent || "a table")"""
# How far the page itself is wider than the window (0: nothing makes the whole page scroll sideways), and what is.
OVERFLOW = """() => ({
    excess: document.documentElement.scrollWidth - window.innerWidth,
    culprits: [...document.querySelectorAll(".md-content *")]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest(".md-typeset__scrollwrap,"
                 + " pre, .highlight, .tabbed-labels, mjx-container, math"))
        .slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
})"""
DESKTOP, PHONE = {"width": 1280, "height": 800}, {"width": 390, "height": 844}


@dataclass
class Visit:
    requests: list[str]
    errors: list[str]
    bytes: int
    load_ms: float
    seconds: float
    images: list[dict]
    violations: list[str]
    copied: list[str]
    notebook_outputs: int
    drawn_canvases: int
    wide_outputs: list[str]
    wide_tables: list[str]
    overflow: dict  # at the width of a phone


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # one line per request would bury the test output
        pass


@pytest.fixture(scope="session")
def site_url(site):
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=site))
    Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


def _is_local(url: str, site_url: str) -> bool:
    return url.startswith(site_url) or urlsplit(url).scheme in ("data", "blob")


class _Survey:
    """One browser that visits every page and runs the searches, a few tabs at a time (axe-core keeps a core busy)."""

    def __init__(self, browser, site_url: str):
        self.browser, self.site_url = browser, site_url
        self.tabs = asyncio.Semaphore(PARALLEL_TABS)
        self.clipboard = asyncio.Lock()  # one clipboard for the whole browser

    async def _new_tab(self, requests: list[str], errors: list[str], **options):
        """A page in a fresh context that records every request and every console error or uncaught exception."""
        context = await self.browser.new_context(**options)
        context.on("request", lambda request: requests.append(request.url))
        # Requests elsewhere are recorded above, then refused: on a closed network they would hang until a timeout.
        await context.route(lambda url: not _is_local(url, self.site_url), lambda route: route.abort())
        tab = await context.new_page()
        tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
        tab.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
        return tab

    async def _copy(self, tab, button) -> str:
        async with self.clipboard:
            await tab.evaluate('navigator.clipboard.writeText("")')  # a button that copies nothing must not pass
            await button.evaluate(REVEAL)  # a snippet in a content tab ("JAX") or a folded block is hidden until shown
            await button.click()
            return await tab.evaluate("navigator.clipboard.readText()")

    async def visit(self, page: str) -> Visit:
        async with self.tabs:
            start = perf_counter()
            requests, errors, finished = [], [], []
            tab = await self._new_tab(requests, errors, permissions=["clipboard-read", "clipboard-write"],
                                      viewport=DESKTOP)
            tab.context.on("requestfinished", lambda request: finished.append(request))
            await tab.goto(self.site_url + page, wait_until="networkidle")
            images = await tab.evaluate(IMAGES)
            violations = await _violations(tab)
            buttons = await tab.locator(".language-python.highlight [data-md-type=copy]").all()
            copied = [await self._copy(tab, button) for button in buttons]
            outputs = await tab.locator(".jp-OutputArea-output:visible").count()
            canvases = await tab.locator("canvas").evaluate_all(DRAWN)
            wide_outputs, wide_tables = await tab.evaluate(WIDE_OUTPUTS), await tab.evaluate(WIDE_TABLES)
            load_ms = await tab.evaluate(LOAD_MS)
            size = sum([(await request.sizes())["responseBodySize"] for request in finished])
            await tab.context.close()
            phone = await self._new_tab([], [], viewport=PHONE, is_mobile=True, has_touch=True)
            await phone.goto(self.site_url + page, wait_until="networkidle")
            overflow = await phone.evaluate(OVERFLOW)
            await phone.context.close()
            return Visit(requests, errors, size, load_ms, perf_counter() - start, images, violations, copied,
                         outputs, canvases, wide_outputs, wide_tables, overflow)

    async def search(self, query: str) -> tuple[list[str], list[str]]:
        """The pages of the top search results for `query`, and the console errors on the way."""
        async with self.tabs:
            requests, errors = [], []
            tab = await self._new_tab(requests, errors)
            await tab.goto(self.site_url, wait_until="networkidle")  # the search index is loaded by then
            await tab.click(".md-search__input")
            await tab.keyboard.type(query)
            results = tab.locator(".md-search-result__item > .md-search-result__link:first-child")
            await results.first.wait_for()
            hrefs = await results.evaluate_all("links => links.map((link) => link.href)")
            await tab.context.close()
            return [urlsplit(href).path for href in hrefs[:TOP_RESULTS]], errors


async def _violations(tab) -> list[str]:
    """axe-core's serious and critical violations, in each colour scheme that the header's palette toggle offers."""
    await tab.add_script_tag(path=AXE)  # inlined by Playwright: no request, nothing added to the page weight
    found = []
    for n in range(max(1, await tab.locator("[data-md-component=palette] input").count())):
        if n:
            await tab.locator("[data-md-component=palette] label:visible").click()
            await tab.evaluate(TRANSITIONS_END)
        scheme = await tab.evaluate("document.body.dataset.mdColorScheme")
        found += [f"{scheme} scheme: {violation}" for violation in await tab.evaluate(VIOLATIONS)]
    return found


async def _survey(site_url: str, pages: list[str]) -> tuple[dict[str, Visit], dict[str, tuple]]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        survey = _Survey(browser, site_url)
        visits = await asyncio.gather(*map(survey.visit, pages))
        searches = await asyncio.gather(*map(survey.search, SEARCHES))
        await browser.close()
    return dict(zip(pages, visits)), dict(zip(SEARCHES, searches))


@pytest.fixture(scope="session")
def survey(site_url, site_pages, site_report) -> tuple[dict[str, Visit], dict[str, tuple]]:
    start = perf_counter()
    visits, searches = asyncio.run(_survey(site_url, site_pages))
    site_report["browser_seconds"] = round(perf_counter() - start, 1)
    site_report["pages"] = {
        page: {"bytes": visit.bytes, "requests": len(visit.requests), "load_ms": round(visit.load_ms),
               "seconds": round(visit.seconds, 2)}
        for page, visit in visits.items()
    }
    return visits, searches


@pytest.fixture(scope="session")
def visits(survey) -> dict[str, Visit]:
    return survey[0]


def _failures(visits: dict[str, Visit], problems) -> str:
    """One line per problem, naming its page: the assertion message, empty when every page is fine."""
    return "\n".join(f"/{page}: {problem}" for page, visit in visits.items() for problem in problems(visit))


def test_pages_load_without_errors(visits):
    failures = _failures(visits, lambda visit: visit.errors)
    assert not failures, failures


def test_pages_request_nothing_from_other_hosts(visits, site_url):
    failures = _failures(visits, lambda visit: [url for url in visit.requests if not _is_local(url, site_url)])
    assert not failures, failures


def test_figures_load_and_have_alt_text(visits):
    def problems(visit):
        yield from (f"{image['src']} did not load" for image in visit.images if image["width"] == 0)
        yield from (f"{image['src']} has no alt text" for image in visit.images if not image["alt"])

    failures = _failures(visits, problems)
    assert not failures, failures


def test_no_serious_accessibility_violations(visits):
    failures = _failures(visits, lambda visit: visit.violations)
    assert not failures, failures


def test_copy_buttons_copy_the_snippet_files(visits):
    """A copy button copies a whole snippet file as the page shows it, or one of its named sections; every file's
    whole text can be copied from some page. Material drops trailing whitespace: the file's final newline."""
    whole = {shown(path)[""].rstrip(): path.name for path in all_snippets()}
    sections = {text.rstrip() for path in all_snippets() for name, text in shown(path).items() if name}
    failures = _failures(visits, lambda visit: [f"copied text that is no snippet file or section: {text[:80]!r}"
                                                for text in visit.copied if text not in whole and text not in sections])
    assert not failures, failures
    copied = {whole[text] for visit in visits.values() for text in visit.copied if text in whole}
    assert copied == set(whole.values()), f"no copy button copies {sorted(set(whole.values()) - copied)}"


def test_notebook_pages_show_their_outputs(visits):
    notebooks = {page: visit for page, visit in visits.items() if page.startswith("notebooks/")}
    assert len(notebooks) >= 2
    failures = _failures(notebooks, lambda visit: [] if visit.notebook_outputs >= 5 else
                         [f"{visit.notebook_outputs} outputs shown"])
    assert not failures, failures


def test_the_interactive_map_renders(visits):
    assert visits["experiments/map/"].drawn_canvases >= 3  # word2vec, GloVe 6B and the task table


def test_outputs_and_tables_fit_the_text_column_on_a_desktop(visits):
    failures = _failures(visits, lambda visit: [f"output scrolls sideways: {line!r}" for line in visit.wide_outputs]
                         + [f"table scrolls sideways: {header!r}" for header in visit.wide_tables])
    assert not failures, failures


def test_no_page_scrolls_sideways_on_a_phone(visits):
    def problems(visit):
        if visit.overflow["excess"] > 0:
            yield f"{visit.overflow['excess']} px too wide at {PHONE['width']} px: {visit.overflow['culprits']}"

    failures = _failures(visits, problems)
    assert not failures, failures


def test_pages_weigh_under_2_mb(visits):
    failures = _failures(visits, lambda visit: [f"{visit.bytes:,} bytes"] if visit.bytes >= MAX_PAGE_BYTES else [])
    assert not failures, failures


@pytest.mark.parametrize("query, page", SEARCHES.items())
def test_search_finds_the_page(survey, query, page):
    """A query with one page finds it among the top results; with several, they are the first results."""
    found, errors = survey[1][query]
    if isinstance(page, tuple):
        assert sorted(found[: len(page)]) == sorted("/" + p for p in page), f"{query!r}: top results {found}"
    else:
        assert "/" + page in found, f"{query!r}: top results {found}, not /{page}"
    assert not errors, errors
