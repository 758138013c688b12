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


# The exercises at the end of the page: each solution's claim, checked on what the solution prints.


def test_exercise_gradient_rows(run_snippet, recorded_output):
    """Only rows 3 and 7 get a gradient; row 3's, looked up twice, is exactly twice row 7's, and row 7's is
    (p - y) / 3 times the Dense kernel."""
    out = run_snippet("lookup_table/exercise_gradient_rows.py")
    assert "rows with a non-zero gradient: [3 7]\n" in out
    ratio = re.search(r"row 3 / row 7: \[(.*)\]", out).group(1).split()
    assert len(ratio) == 4 and all(float(r) == 2.0 for r in ratio)
    assert "row 7 equals (p - y) / 3 * w: True" in out
    assert out == recorded_output("lookup_table/exercise_gradient_rows.py")


def test_exercise_mask_reader(run_snippet, recorded_output):
    """A mask-aware average gives the padding row no gradient and the padded text the unpadded text's gradient;
    Flatten ignores the mask, trains row 0, and gives row 3 a gradient that is no multiple of row 7's."""
    out = run_snippet("lookup_table/exercise_mask_reader.py")
    pooled, flat = out.split("Flatten on")
    assert "rows with a non-zero gradient: [3 7]\n" in pooled
    assert "same gradient as the unpadded text [[3, 3, 7]]: True" in pooled
    assert all(float(r) == 2.0 for r in re.search(r"row 3 / row 7: \[(.*)\]", pooled).group(1).split())
    assert "rows with a non-zero gradient: [0 3 7]\n" in flat
    ratios = {float(r) for r in re.search(r"row 3 / row 7: \[(.*)\]", flat).group(1).split()}
    assert len(ratios) > 1  # not one factor: each position has its own slice of the Dense kernel
    assert out == recorded_output("lookup_table/exercise_mask_reader.py")


@EVERY_BACKEND
def test_exercise_orthogonal_shift(run_snippet, recorded_output, backend):
    """Shifts at right angles to the Dense kernel, far larger than the rows themselves, leave every prediction as it
    was (to float rounding); shifts along it change them."""
    out = run_snippet("lookup_table/exercise_orthogonal_shift.py", backend=backend)
    start = float(re.search(r"mean length of (\S+)", out).group(1))
    (right_shift, right_change), (along_shift, along_change) = (
        map(float, m) for m in re.findall(r"mean shift (\S+), largest change of a prediction (\S+)", out))
    assert right_shift > 10 * start and right_change < 1e-6
    assert along_change > 0.01
    assert out == recorded_output("lookup_table/exercise_orthogonal_shift.py", backend)


# The exercises at the end of the optimizers page, whose snippets live here too.


def test_exercise_momentum_rows(run_snippet, recorded_output):
    """SGD moves the looked-up rows by the rate times their summed gradient (row 2, looked up twice, by 0.2), and
    nothing else; with momentum 0.9, the second step also moves row 2, by 0.9 x 0.2, and row 5 by 0.09 + 0.1."""
    out = run_snippet("lookup_table/exercise_momentum_rows.py")
    sgd, momentum = out.split("SGD, momentum 0.9")
    assert "step on [2, 2, 5]: rows moved [2 5], by -0.200 -0.100" in sgd
    assert "step on [5]: rows moved [5], by -0.100" in sgd
    assert "step on [2, 2, 5]: rows moved [2 5], by -0.200 -0.100" in momentum
    assert "step on [5]: rows moved [2 5], by -0.180 -0.190" in momentum
    assert out == recorded_output("lookup_table/exercise_momentum_rows.py")


def test_exercise_adam_drift(run_snippet, recorded_output):
    """Keras's Adam follows the formula by hand; after the one step that looked it up (a full learning rate), the
    row moves about five learning rates more in steps that never look it up."""
    out = run_snippet("lookup_table/exercise_adam_drift.py")
    rows = re.findall(r"^\s*(\d+)\s+([\d.]+)\s+([\d.]+)$", out, re.MULTILINE)
    assert len(rows) == 7
    for _, keras_move, by_hand in rows:
        assert abs(float(keras_move) - float(by_hand)) <= 0.002 * float(by_hand) + 1e-4
    assert float(rows[0][1]) == 1.0
    found = re.search(r"moved it (\S+) learning rates in all \(by hand (\S+)\)", out)
    total, total_by_hand = map(float, found.groups())
    assert 4.5 < total < 5.5 and abs(total - total_by_hand) < 0.05
    assert "moves it less than a tenth of the rate: step 17" in out
    assert out == recorded_output("lookup_table/exercise_adam_drift.py")


def test_exercise_penalty_or_decay(run_snippet, recorded_output):
    """Under Adam an L2 penalty moves rows that no batch looks up by nearly a learning rate per step, as far as the
    row every batch looks up; AdamW's decay moves them by a few millionths."""
    out = run_snippet("lookup_table/exercise_penalty_or_decay.py")
    moves = {name: (float(a), float(b)) for name, a, b in re.findall(r"^(Adam.*?)\s+(\S+)\s+(\S+)$", out, re.M)}
    scale = float(re.search(r"steps of the learning rate make (\S+);", out).group(1))
    used, unused = moves["Adam, L2 penalty"]
    assert abs(used - scale) < 0.01 * scale and 0.9 * scale < unused <= scale
    used, unused = moves["AdamW, weight decay"]
    assert abs(used - scale) < 0.01 * scale and unused < 1e-3 * scale
    assert out == recorded_output("lookup_table/exercise_penalty_or_decay.py")
