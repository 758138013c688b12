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
