"""Executes the walkthrough notebooks (notebooks/NAME.py) before the files are read, once per version.

Each executed notebook is written to docs/notebooks/NAME.ipynb (ignored by git), which mkdocs-jupyter renders with
its outputs and offers for download. Executed copies are cached (embedlab.site.notebooks), so `mkdocs build` and
`mkdocs serve` rerun a notebook only when it, the requirements or the code that runs it changed.
"""

from mkdocs.exceptions import PluginError

from embedlab.site.notebooks import ROOT, SOURCES, NotebookError, executed
from embedlab.store import atomic_write_text

TARGET = ROOT / "docs" / "notebooks"


def on_pre_build(config) -> None:
    for source in sorted(SOURCES.glob("*.py")):
        try:
            text = executed(source)
        except NotebookError as error:
            raise PluginError(f"notebooks/{source.name} failed: {error}") from None
        target = TARGET / f"{source.stem}.ipynb"
        if not target.is_file() or target.read_text() != text:  # rewriting an unchanged file would loop `serve`
            atomic_write_text(target, text)
