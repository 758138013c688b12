"""The walkthrough notebooks: run one top to bottom in a fresh kernel, and cache the executed copy.

The sources are jupytext percent-format files, notebooks/NAME.py (reviewable diffs, no outputs in git).
hooks/notebooks.py writes the executed copies for the site; the tests rerun what a reader downloads.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from embedlab.site.snippets import install_line
from embedlab.store import ROOT, atomic_write_text, cache_dir, fingerprint

SOURCES = ROOT / "notebooks"
# TensorFlow's C++ start-up lines, written to stderr at import whatever TF_CPP_MIN_LOG_LEVEL says: noise on a page.
STARTUP_NOISE = re.compile(r"^(WARNING: All log messages before absl::InitializeLog\(\)|I0000 |E0000 ).*\n?", re.M)


# A reader's kernel: Keras's default backend, none of the lab's settings (the tests run in-process Keras on JAX, and a
# kernel started from them would inherit KERAS_BACKEND and JAX's cache settings, and print JAX's warnings).
LAB_SETTINGS = ("KERAS_BACKEND", "JAX_")


def reader_environment() -> dict[str, str]:
    """The environment a notebook's kernel starts with: this process's, less the lab's Keras and JAX settings."""
    return {key: value for key, value in os.environ.items() if not key.startswith(LAB_SETTINGS)}


class NotebookError(Exception):
    """A cell raised: the message names the error, as one line."""


def execute(notebook, folder: Path = ROOT) -> None:
    """Run a notebook in place in a fresh kernel, from ``folder`` (default: the project's root)."""
    try:
        # The kernel's own stderr (its start-up warnings, TensorFlow's C++ logs) would end up in the build's log;
        # what a cell writes to stderr still reaches the notebook, through the kernel.
        NotebookClient(notebook, timeout=900, kernel_name="python3", record_timing=False,
                       resources={"metadata": {"path": str(folder)}}).execute(stderr=subprocess.DEVNULL,
                                                                               env=reader_environment())
    except CellExecutionError as error:
        raise NotebookError(f"{error.ename}: {error.evalue}") from None
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "stream" and output.name == "stderr":
                output.text = STARTUP_NOISE.sub("", output.text)
        cell["outputs"] = [o for o in cell.get("outputs", []) if o.output_type != "stream" or o.text]


def executed(source: Path) -> str:
    """notebooks/NAME.py executed, as .ipynb text; run again only when it, the requirements or this module changed."""
    key = fingerprint(files=[source, ROOT / "requirements.txt", Path(__file__)])[:16]  # and the cell added below
    cached = cache_dir() / "notebooks" / f"{source.stem}-{key}.ipynb"
    if not cached.is_file():
        notebook = jupytext.read(source)
        # What to install, from the pinned requirements, as the second cell (after the title).
        notebook.cells.insert(1, nbformat.v4.new_markdown_cell(
            "This notebook imports only published packages; to run it in your own environment, install these pinned "
            "versions:"
            f"\n\n```sh\n{install_line([source])}\n```"))
        execute(notebook)
        atomic_write_text(cached, nbformat.writes(notebook) + "\n")
    return cached.read_text()


def text_outputs(notebook) -> list[list[str]]:
    """Per code cell, what it printed and the text form of what it displayed (images left out). Consecutive prints to
    the same stream are joined: a kernel splits them into outputs by timing, not by content."""
    cells = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        texts, stream = [], None
        for o in cell.outputs:
            if o.output_type == "stream" and o.name == stream:
                texts[-1] += o.text
            else:
                texts.append(o.text if o.output_type == "stream" else o.get("data", {}).get("text/plain", ""))
            stream = o.name if o.output_type == "stream" else None
        cells.append(texts)
    return cells
