"""The snippets of the lookup-table page: each demonstrates a property, which the test checks, under every backend
the page shows it for."""

import re

import pytest

from embedlab.site.snippets import BACKENDS

EVERY_BACKEND = pytest.mark.parametrize("backend", BACKENDS)


@EVERY_BACKEND
def test_one_hot_equals_gather(run_snippet, recorded_output, backend):
    out = run_snippet("lookup_table/one_hot_equals_gather.py", backend=backend)
    assert "max |embedding(ids) - one_hot(ids) @ W| = 0.0\n" in out
    assert "max |embedding(ids) - Dense(one_hot(ids))| = 0.0\n" in out
    row, token = re.findall(r"= (\[.*\])", out)
    assert row == token
    assert out == recorded_output("lookup_table/one_hot_equals_gather.py", backend)


def test_sparse_gradient(run_snippet, recorded_output):
    out = run_snippet("lookup_table/sparse_gradient.py")
    assert "gradient type: IndexedSlices" in out
    assert "indices: [2 5 2]" in out
    assert "row 2: gradient [2. 2. 2.]" in out  # looked up twice: the two contributions add up
    assert "row 5: gradient [1. 1. 1.]" in out
    assert "rows changed by one SGD step: [2 5]" in out
    assert out == recorded_output("lookup_table/sparse_gradient.py")


def test_dense_gradient_under_jax(run_snippet, recorded_output):
    out = run_snippet("lookup_table/dense_gradient_jax.py")
    assert "gradient type: ArrayImpl   shape: (8, 3)" in out  # the whole table, zeros included
    assert "row 2: gradient [2. 2. 2.]" in out and "row 5: gradient [1. 1. 1.]" in out
    assert "rows changed by one SGD step: [2 5]" in out
    assert out == recorded_output("lookup_table/dense_gradient_jax.py")


@EVERY_BACKEND
def test_repeated_ids_reach_adaptive_optimizers_differently(run_snippet, recorded_output, backend):
    out = run_snippet("lookup_table/repeated_ids.py", backend=backend)
    square = {"tensorflow": 4, "jax": 16}[backend]  # four gradients of 1: sum of squares, or square of the sum
    step = 0.1 * 4 / square**0.5  # Adagrad: learning rate x summed gradient / sqrt(accumulator)
    assert re.search(rf"Adagrad: rows 0-3 moved by 0 {step:g} 0.1 0\n  accumulator\s+0 {square} 1 0", out)
    assert re.search(rf"velocity\s+0 {square / 1000:g} 0.001 0", out)
    assert re.search(r"momentum\s+0 0.4 0.1 0", out)  # the first moment is linear in the gradient: the same on both
    assert out == recorded_output("lookup_table/repeated_ids.py", backend)


def _moved_rows(out: str) -> dict[str, set[int]]:
    rows = {}
    lines = out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("optimizer"))
    for line in lines[header + 1:]:
        name, moved = re.match(r"(.+?)\s+\[([\d ]*)\]", line).groups()
        rows[name] = {int(r) for r in moved.split()}
    return rows


def test_adam_moves_absent_rows(run_snippet, recorded_output):
    out = run_snippet("lookup_table/adam_absent_rows.py")
    moved = _moved_rows(out)
    assert moved["SGD"] == {2}  # only the row the batches looked up
    assert moved["SGD, momentum 0.9"] == {1, 2, 3}  # plus the rows with leftover velocity
    assert moved["Adam"] == {1, 2, 3}
    assert moved["AdamW, weight decay"] == set(range(6))  # decay shrinks every row
    assert out == recorded_output("lookup_table/adam_absent_rows.py")


@EVERY_BACKEND
def test_mask_zero(run_snippet, recorded_output, backend):
    out = run_snippet("lookup_table/mask_zero.py", backend=backend)
    lines = dict(line.split(":", 1) for line in out.splitlines())
    assert lines["mask"].strip() == "[[True, True, False, False], [True, False, False, False]]"
    assert lines["pooled, with the mask"].split() == lines["mean of the real tokens"].split()
    assert lines["mean including the padding"].split() != lines["mean of the real tokens"].split()
    assert out == recorded_output("lookup_table/mask_zero.py", backend)


@EVERY_BACKEND
def test_out_of_range(run_snippet, recorded_output, backend):
    out = run_snippet("lookup_table/out_of_range.py", backend=backend)
    expected = {"tensorflow": "InvalidArgumentError", "jax": "no error, returns [nan nan]"}[backend]
    assert f"{backend}, input_dim=4, id 4: {expected}" in out
    assert "id -1 gives the last row: True" in out
    assert out == recorded_output("lookup_table/out_of_range.py", backend)


@EVERY_BACKEND
def test_initializers(run_snippet, recorded_output, backend):
    out = run_snippet("lookup_table/initializers.py", backend=backend)
    low, high = map(float, re.search(r"min (\S+)\s+max (\S+)", out).groups())
    assert -0.05 <= low < high <= 0.05
    assert "trainable=False  starts equal to the matrix: True  rows moved by one step: []" in out
    assert "trainable=True   starts equal to the matrix: True  rows moved by one step: [1 2 3]" in out
    sizes = {name: int(n.replace(",", "")) for name, n in re.findall(r"Embedding\(\.\.\., (.+?)\): ([\d,]+)", out)}
    assert sizes["Constant(matrix)"] > 1000 * sizes["weights=[matrix]"]  # the matrix itself is in the config
    assert out == recorded_output("lookup_table/initializers.py", backend)


@EVERY_BACKEND
def test_small_model(run_snippet, backend):
    out = run_snippet("lookup_table/small_model.py", backend=backend)
    accuracy = float(re.search(r"test accuracy: (\S+)", out).group(1))
    assert accuracy > 0.70  # balanced classes: chance is 0.5
    move = {name: float(v) for name, v in re.findall(r"mean move of (\w+).*?\s([\d.]+)\s+\(", out)}
    assert move["frequent"] > move["rare"] > move["padding"] == 0.0
    negative = re.search(r"most negative frequent words: (.*)", out).group(1).split()
    positive = re.search(r"most positive frequent words: (.*)", out).group(1).split()
    assert "bad" in negative and "best" in positive


@EVERY_BACKEND
def test_page_names_words_of_the_recorded_positive_list(recorded_output, backend):
    """The page: the most positive frequent words include "best", "fun", "funny", and also "you", "us", "world" and
    "who", which carry no sentiment."""
    out = recorded_output("lookup_table/small_model.py", backend)
    positive = re.search(r"most positive frequent words: (.*)", out).group(1).split()
    assert {"best", "fun", "funny", "you", "us", "world", "who"} <= set(positive)
