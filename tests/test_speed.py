"""The speed page's benchmark (benchmarks/speed.py): its recorded numbers come from the current code, and what it
takes from the two snippets still exists there with the signatures it calls."""

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


def test_the_stamp_covers_the_code_the_benchmark_runs_and_only_that(speed, tmp_path):
    """A change to a function the benchmark calls changes the stamp; a change to a snippet's own data loading or
    __main__ block, which the benchmark does not run, does not."""
    snippet = tmp_path / "sgns_keras.py"
    source = speed.SNIPPETS["sgns"].read_text()
    base = speed.code_run(speed.SNIPPETS["sgns"], speed.taken("sgns"))
    snippet.write_text(source.replace('if __name__ == "__main__":', 'if __name__ == "__main__":\n    print("hello")'))
    assert speed.code_run(snippet, speed.taken("sgns")) == base
    snippet.write_text(source.replace("= 100, 5, 5, 5,", "= 100, 5, 6, 5,"))  # six negatives instead of five
    assert speed.code_run(snippet, speed.taken("sgns")) != base


def test_recorded_methods_come_from_the_current_code(speed):
    recorded = json.loads(RESULTS.read_text())
    assert recorded["methods"].get("stamp") == speed.methods_stamp(), (
        "benchmark.json's methods section is stale: rerun `python benchmarks/speed.py --only methods --seeds 5`"
    )


def test_gpu_figures_from_older_code_are_marked_on_the_page(speed, site):
    """The GPU column needs a GPU machine to rerun: when it is older than the code, the page must say so."""
    gpu = json.loads(RESULTS.read_text()).get("methods_gpu")
    page = (site / "under-the-hood" / "speed-benchmark" / "index.html").read_text()
    stale = gpu is not None and gpu.get("stamp") != speed.methods_stamp()
    assert ("Measured with an earlier version of the code" in page) == stale


@pytest.mark.parametrize("variable", ["sgns", "glove"])
def test_snippet_globals_used_by_the_benchmark_exist(speed, variable):
    names = speed.taken(variable)
    assert "train" in names
    snippet = runpy.run_path(str(speed.SNIPPETS[variable]), run_name=variable)
    assert names <= set(snippet), f"{variable} snippet lacks {names - set(snippet)}"
    signature = inspect.signature(snippet["train"])
    # the calls the benchmark makes: train(corpus, epochs, seed, [batch, noise,] log=...) / train(words, X, seed, ...)
    arguments = (object(), 3, 0, 512, 5) if variable == "sgns" else (object(), object(), 0)
    signature.bind(*arguments, log=print)


def _methods(ratios, wordsim, simlex, analogies) -> dict:
    """A methods section whose gensim runs score 0.5 on everything and Keras's differ by the given paired amounts."""
    from embedlab.site.speed_goal import KERAS

    base = {key: [0.5] * len(ratios) for key in ("wordsim353", "simlex999", "analogies")}
    keras = {key: [0.5 + d for d in diffs] for key, diffs in
             (("wordsim353", wordsim), ("simlex999", simlex), ("analogies", analogies))}
    return {"runs": {"gensim Word2Vec, 2 workers": base, KERAS: keras}, "sgns_speed_ratio": ratios}


def test_the_goal_is_judged_on_paired_intervals_not_means():
    from embedlab.site.speed_goal import sgns_goal

    level = [0.01, -0.01, 0.0, 0.005, -0.005]
    assert sgns_goal(_methods([1.2, 1.1, 1.3, 1.2, 1.25], level, level, level))["meets"]
    # Mean ratio 1.06, but one seed at 0.8: the interval reaches below 1.0.
    slow = sgns_goal(_methods([1.2, 0.8, 1.1, 1.0, 1.2], level, level, level))
    assert not slow["meets"] and [c["meets"] for c in slow["criteria"]] == [False, True, True, True]
    # Mean WordSim353 difference -0.01, inside the margin, but spread over seeds puts the interval outside it.
    spread = [0.03, -0.05, 0.02, -0.04, -0.01]
    assert not sgns_goal(_methods([1.2] * 5, spread, level, level))["criteria"][1]["meets"]
    # Analogies lower in every seed: not met, even by a small amount.
    assert not sgns_goal(_methods([1.2] * 5, level, level, [-0.002] * 4 + [-0.003]))["criteria"][3]["meets"]


def test_the_page_shows_the_recorded_verdict(site):
    from embedlab.site.speed_goal import sgns_goal

    goal = sgns_goal(json.loads(RESULTS.read_text())["methods"])
    page = (site / "under-the-hood" / "speed-benchmark" / "index.html").read_text()
    expected = "meets every criterion" if goal["meets"] else "does not meet the goal"
    assert expected in page


def test_the_profile_splits_the_whole_step_and_the_page_names_its_largest_part(site):
    profile = json.loads(RESULTS.read_text())["profile"]
    seconds = profile["seconds"]
    # Each copy of the step does what the one before did and more: the target rows' update, then the context rows'.
    assert 0 < seconds["forward"] < seconds["targets"] < seconds["update"]
    assert sum(profile["shares"].values()) == pytest.approx(1.0)
    largest = max(profile["shares"], key=profile["shares"].get)
    page = (site / "under-the-hood" / "speed-benchmark" / "index.html").read_text()
    assert f"The largest part is the {largest}" in page


def test_the_noise_sweep_pairs_each_run_with_gensim_on_its_seed():
    """Each count's scores are compared with gensim's on the same seeds (the sweep uses the first seeds only), and a
    diverged run is shown as such instead of failing the page."""
    from embedlab.site.speed_goal import noise_sweep

    methods = _methods([1.0] * 5, [0.0] * 5, [0.0] * 5, [0.0] * 5)
    methods["runs"]["gensim Word2Vec, 2 workers"]["analogies"] = [0.02, 0.03, 0.04, 9.0, 9.0]
    runs = {"words_per_second": [1.0, 1.0, 1.0], "wordsim353": [0.5, 0.5, None], "simlex999": [0.5] * 3}
    methods["noise"] = {"5": runs | {"analogies": [0.01, 0.02, 0.03]}, "50": runs | {"analogies": [0.02, 0.03, 0.04]}}
    five, fifty = noise_sweep(methods)
    assert (five["noise"], five["seeds"], fifty["noise"]) == (5, 3, 50)
    assert five["analogies"]["mean"] == pytest.approx(-0.01) and five["analogies"]["high"] == pytest.approx(-0.01)
    assert fifty["analogies"]["mean"] == pytest.approx(0.0)
    assert five["wordsim353"] is None and five["simlex999"]["mean"] == pytest.approx(0.0)


def test_the_readers_answer_states_the_paired_speed_ratio_and_quality_gaps():
    from embedlab.site.speed_goal import practical, sgns_goal

    methods = json.loads((ROOT / "docs" / "results" / "benchmark.json").read_text())["methods"]
    said, speed = practical(methods), sgns_goal(methods)["criteria"][0]
    assert f"{speed['mean']:.2f} times gensim's words per second" in said
    assert f"(95% interval {speed['low']:.2f} to {speed['high']:.2f})" in said
    assert ("not clearly faster or slower" in said) == (speed["low"] <= 1 <= speed["high"])
    faster = {**methods, "sgns_speed_ratio": [1.5, 1.6, 1.55, 1.52, 1.58]}
    assert "trained faster than gensim's" in practical(faster) and "gains nothing" not in practical(faster)
