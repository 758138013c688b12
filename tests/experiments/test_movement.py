"""The movement page: which rows move, with SGD and with Adam."""

def test_unseen_rows_never_move_and_adam_narrows_the_gap(results):
    optimizers = results["movement"]["optimizers"]
    sgd, adam = optimizers["SGD (rate 1.0)"]["mean_move"], optimizers["Adam (rate 0.001)"]["mean_move"]
    for moves in (sgd, adam):
        assert max(moves["never in training"]) == 0.0
    assert sgd["frequent (50+ times)"][-1] > sgd["medium (5-49)"][-1] > sgd["rare (1-4)"][-1] > 0
    ratio = {name: m["rare (1-4)"][-1] / m["frequent (50+ times)"][-1] for name, m in (("sgd", sgd), ("adam", adam))}
    assert ratio["adam"] > 3 * ratio["sgd"]


def test_full_adam_rare_rows_keep_growing(full):
    adam = full["movement"]["optimizers"]["Adam (rate 0.001)"]["mean_move"]
    assert adam["rare (1-4)"][-1] > adam["rare (1-4)"][-3] + 0.05
    assert abs(adam["frequent (50+ times)"][-1] - adam["frequent (50+ times)"][-3]) < 0.05


def test_the_figure_names_each_line_right_of_its_panel_with_no_legend(results, draw, text_box):
    """No legend covers a line or a tick: each line's name stands right of its panel, and no two names overlap."""
    from embedlab.experiments import movement

    figure = draw(movement, results["movement"])
    renderer = figure.canvas.get_renderer()
    assert not figure.legends
    for ax, data in zip(figure.axes, results["movement"]["optimizers"].values(), strict=True):
        assert ax.get_legend() is None
        boxes = [text_box(t, renderer) for t in ax.texts]
        assert len(boxes) == len(data["mean_move"])
        frame = ax.get_window_extent(renderer)
        for i, box in enumerate(boxes):
            assert box.x0 > frame.x1
            assert not any(box.overlaps(other) for other in boxes[i + 1:])


def test_the_one_account_of_adam_and_frequency_follows_the_results(full):
    """Three pages quote embedlab.site.findings.adam_and_frequency: its ratios and its crossing epoch are the data's."""
    import copy

    from embedlab.site.findings import adam_and_frequency

    moves = full["movement"]["optimizers"]["Adam (rate 0.001)"]["mean_move"]
    ratios = [r / f for r, f in zip(moves["rare (1-4)"], moves["frequent (50+ times)"], strict=True)]
    said = adam_and_frequency(full)
    assert f"{ratios[0]:.2f} times as far for a rare row after one epoch" in said
    assert f"end {ratios[-1]:.2f} times as far" in said
    crossing = next((epoch for epoch, ratio in enumerate(ratios, 1) if ratio >= 1), None)
    assert (f"overtake the frequent rows in epoch {crossing}" in said) == (crossing is not None)
    never = copy.deepcopy(full)  # made up: rare rows that never catch up
    never["movement"]["optimizers"]["Adam (rate 0.001)"]["mean_move"]["rare (1-4)"] = [0.1] * len(ratios)
    assert "overtake" not in adam_and_frequency(never)
