"""The speed page's benchmark (benchmarks/speed.py): its recorded numbers come from the current code, and what it
takes from the two snippets still exists there with the signatures it calls."""

import ast
import importlib.util
import inspect
import json
import runpy

import pytest

from embedlab.store import ROOT

SCRIPT = ROOT / "benchmarks" / "speed.py"
RESULTS = ROOT / "docs" / "results" / "benchmark.json"


@pytest.fixture(scope="module")
def speed():
    spec = importlib.util.spec_from_file_location("speed", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_recorded_methods_come_from_the_current_code(speed):
    recorded = json.loads(RESULTS.read_text())
    assert recorded["methods"].get("stamp") == speed.methods_stamp(), (
        "benchmark.json's methods section is stale: rerun `python benchmarks/speed.py --only methods --seeds 5`"
    )


def test_gpu_figures_from_older_code_are_marked_on_the_page(speed, site):
    """The GPU column needs a GPU machine to rerun: when it is older than the code, the page must say so."""
    gpu = json.loads(RESULTS.read_text()).get("methods_gpu")
    page = (site / "speed" / "index.html").read_text()
    stale = gpu is not None and gpu.get("stamp") != speed.methods_stamp()
    assert ("Measured with an earlier version of the code" in page) == stale


def _used_names(variable: str) -> set[str]:
    """The names the script reads from a snippet's globals, as in sgns["train"]."""
    tree = ast.parse(SCRIPT.read_text())
    return {node.slice.value for node in ast.walk(tree) if isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name) and node.value.id == variable
            and isinstance(node.slice, ast.Constant)}


@pytest.mark.parametrize("variable", ["sgns", "glove"])
def test_snippet_globals_used_by_the_benchmark_exist(speed, variable):
    names = _used_names(variable)
    assert "train" in names
    snippet = runpy.run_path(str(speed.SNIPPETS[variable]), run_name=variable)
    assert names <= set(snippet), f"{variable} snippet lacks {names - set(snippet)}"
    # the calls the benchmark makes: train(corpus, epochs, seed, [batch,] log=...) / train(words, X, seed, log=...)
    signature = inspect.signature(snippet["train"])
    arguments = (object(), 3, 0, 512) if variable == "sgns" else (object(), object(), 0)
    signature.bind(*arguments, log=print)
