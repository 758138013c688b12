"""The walkthrough notebooks: sources without outputs, pages with outputs, and a download that reruns the same."""

import re
import subprocess

import jupytext
import nbformat
import pytest
import yaml

from embedlab.site.notebooks import ROOT, SOURCES, execute, reader_environment, text_outputs
from embedlab.site.snippets import NO_PROJECT

NAMES = sorted(path.stem for path in SOURCES.glob("*.py"))


def _nav_notebooks(entry) -> list[str]:
    if isinstance(entry, str):
        return [entry] if entry.startswith("notebooks/") else []
    items = entry.values() if isinstance(entry, dict) else entry
    return [page for item in items for page in _nav_notebooks(item)]


def test_every_walkthrough_is_in_the_navigation_and_every_entry_has_a_source():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)  # no tags to resolve in nav
    listed = sorted(_nav_notebooks(config["nav"]))
    assert NAMES and listed == [f"notebooks/{name}.ipynb" for name in NAMES]


@pytest.mark.parametrize("name", NAMES)
def test_source_is_percent_format(name):
    notebook = jupytext.read(SOURCES / f"{name}.py")
    assert notebook.metadata["jupytext"]["text_representation"]["format_name"] == "percent"
    kinds = {cell.cell_type for cell in notebook.cells}
    assert kinds == {"markdown", "code"}, kinds


def test_no_notebook_outputs_are_committed():
    tracked = subprocess.run(["git", "ls-files", "*.ipynb"], cwd=ROOT, capture_output=True, text=True).stdout
    assert tracked.strip() == ""


@pytest.mark.parametrize("name", NAMES)
def test_page_shows_outputs_and_offers_the_notebook(site, name):
    folder = site / "notebooks" / name
    page = (folder / "index.html").read_text()
    assert len(re.findall(r'<div class="jp-Rendered\w+ jp-OutputArea-output', page)) >= 5
    assert f'<a href="{name}.ipynb" download' in page
    notebook = nbformat.read(folder / f"{name}.ipynb", as_version=4)
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert outputs and not [o for o in outputs if o.output_type == "error"]
    # A warning that names this machine's files would differ on every other machine, the reader's included.
    assert not [text for texts in text_outputs(notebook) for text in texts if str(ROOT) in text]


def test_a_notebook_kernel_starts_as_a_readers_would(monkeypatch):
    monkeypatch.setenv("KERAS_BACKEND", "jax")
    monkeypatch.setenv("JAX_COMPILATION_CACHE_DIR", "/tmp/somewhere")
    monkeypatch.setenv("NLTK_DATA", "/data/nltk")
    environment = reader_environment()
    assert "KERAS_BACKEND" not in environment and "JAX_COMPILATION_CACHE_DIR" not in environment
    assert environment["NLTK_DATA"] == "/data/nltk"  # where the data is stays: the kernel reads it as a reader would


@pytest.mark.parametrize("name", NAMES)
def test_downloaded_notebook_reruns_to_the_same_outputs(site, name, tmp_path):
    """What a reader downloads, run top to bottom in a fresh kernel from an empty folder, where this project's package
    cannot be imported, prints exactly what the page shows."""
    shown = nbformat.read(site / "notebooks" / name / f"{name}.ipynb", as_version=4)
    fresh = nbformat.from_dict(shown)
    for cell in fresh.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    fresh.cells.insert(0, nbformat.v4.new_code_cell(NO_PROJECT))
    execute(fresh, folder=tmp_path)
    fresh.cells.pop(0)
    assert text_outputs(fresh) == text_outputs(shown)


def test_prints_that_a_kernel_splits_differently_compare_equal():
    def notebook(*streams):
        outputs = [nbformat.v4.new_output("stream", name=name, text=text) for name, text in streams]
        return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=outputs)])

    split = notebook(("stdout", "a\n"), ("stdout", "b\n"), ("stderr", "c\n"))
    assert text_outputs(split) == text_outputs(notebook(("stdout", "a\nb\n"), ("stderr", "c\n"))) == [["a\nb\n", "c\n"]]
    assert text_outputs(split) != text_outputs(notebook(("stdout", "a\n"), ("stderr", "c\n")))
