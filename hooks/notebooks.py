"""Executes the walkthrough notebooks (notebooks/NAME.py) before the files are read, once per version.

Each executed notebook is written to docs/notebooks/NAME.ipynb (ignored by git), which mkdocs-jupyter renders with
its outputs and offers for download. Executed copies are cached (embedlab.site.notebooks), so `mkdocs build` and
`mkdocs serve` rerun a notebook only when it, the requirements or the code that runs it changed.
"""

from concurrent.futures import ThreadPoolExecutor

from mkdocs.exceptions import PluginError

from embedlab.site.notebooks import ROOT, SOURCES, NotebookError, executed
from embedlab.store import atomic_write_text

TARGET = ROOT / "docs" / "notebooks"


def on_pre_build(config) -> None:
    sources = sorted(SOURCES.glob("*.py"))
    # Each notebook runs in a kernel process of its own, so running them side by side makes a first build on two
    # cores take about as long as the slower notebook rather than the sum of both.
    with ThreadPoolExecutor(max_workers=len(sources)) as pool:
        running = {source: pool.submit(executed, source) for source in sources}
    for source, future in running.items():
        try:
            text = future.result()
        except NotebookError as error:
            raise PluginError(f"notebooks/{source.name} failed: {error}") from None
        target = TARGET / f"{source.stem}.ipynb"
        if not target.is_file() or target.read_text() != text:  # rewriting an unchanged file would loop `serve`
            atomic_write_text(target, text)
