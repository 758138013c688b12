import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from embedlab.lab.backend import use_backend

use_backend()  # in-process Keras runs on the backend the lab trains with (snippets run in their own processes)

from embedlab.site.snippets import ROOT, backends, output_path, run  # noqa: E402
from embedlab.store import atomic_write_text  # noqa: E402

REPORT = ROOT / "build" / "browser-report.json"
_REPORT_KEY = pytest.StashKey[dict]()
SNIPPETS_RUN = pytest.StashKey[set]()  # (snippet, backend) pairs that a test ran successfully in this session
DESELECTED = pytest.StashKey[bool]()
WHOLE_SUITE_LAST = "test_every_snippet_is_run_by_a_test"  # needs every other test to have run first


def pytest_configure(config):
    config.stash[SNIPPETS_RUN] = set()
    config.stash[DESELECTED] = False


def pytest_deselected(items):
    if items:
        items[0].config.stash[DESELECTED] = True


def pytest_collection_modifyitems(session, config, items):
    last = [item for item in items if item.name == WHOLE_SUITE_LAST]
    items[:] = [item for item in items if item not in last] + last


@pytest.fixture
def whole_suite(request) -> None:
    """Skip a test whose check needs the whole suite to have run (every test file collected, none deselected)."""
    collected = {item.path for item in request.session.items}
    every = set(Path(__file__).parent.rglob("test_*.py"))
    if collected != every or request.config.stash[DESELECTED]:
        pytest.skip("only meaningful when the whole test suite runs")


@pytest.fixture
def run_snippet(request):
    """Run snippets/<relpath> as a reader would (under the given Keras backend, default its first); fail with its
    error output if it does not exit cleanly."""

    def _run(relpath: str, *args: str, backend: str | None = None) -> str:
        path = ROOT / "snippets" / relpath
        result = run(path, *args, backend=backend)
        assert result.returncode == 0, f"{relpath} failed under {backend}:\n{result.stderr[-3000:]}"
        request.config.stash[SNIPPETS_RUN].add((relpath, backend or backends(path)[0]))
        return result.stdout

    return _run


@pytest.fixture
def snippets_run(request) -> set[str]:
    """The (snippet relative to snippets/, backend) pairs that tests have run so far in this session."""
    return request.config.stash[SNIPPETS_RUN]


@pytest.fixture
def recorded_output():
    """The output of snippets/<relpath> under a backend that the page shows (recorded by
    `python -m embedlab.site.snippets`)."""
    return lambda relpath, backend=None: output_path(ROOT / "snippets" / relpath, backend or "tensorflow").read_text()


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site, built once per session with `mkdocs build --strict`."""
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr  # strict mode fails on warnings; this shows them
    return out


@pytest.fixture(scope="session")
def site_pages(site) -> list[str]:
    """Every HTML page of the built site, as its path under the site root ("", "glove/", "404.html")."""
    pages = (page.relative_to(site).as_posix() for page in site.glob("**/*.html"))
    return sorted(page.removesuffix("index.html") for page in pages)


@pytest.fixture(scope="session")
def site_report(request) -> dict:
    """What the browser and link tests measure; written to build/browser-report.json when the session ends."""
    report = {}
    yield report
    if report:
        atomic_write_text(REPORT, json.dumps(report, indent=2, sort_keys=True) + "\n")
        request.config.stash[_REPORT_KEY] = report


def pytest_terminal_summary(terminalreporter, config):
    report = config.stash.get(_REPORT_KEY, None)
    if report is None:
        return
    terminalreporter.write_sep("-", f"site report: {REPORT.relative_to(ROOT)}")
    pages = report.get("pages", {})
    if pages:
        heaviest = max(pages, key=lambda page: pages[page]["bytes"])
        terminalreporter.write_line(
            f"browser: {len(pages)} pages and the searches in {report['browser_seconds']:.1f} s; "
            f"heaviest page: /{heaviest}, {pages[heaviest]['bytes']:,} bytes in {pages[heaviest]['requests']} requests"
        )
    if "external_links" in report:
        terminalreporter.write_line(f"{len(report['external_links'])} external links (listed, not fetched)")
