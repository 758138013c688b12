"""Every registered experiment: run bookkeeping, results keys, its page, figure and test, and the comparison with
fresh runs."""

import json
import os
import re
import subprocess
import sys

import pytest

from embedlab.experiments import regeneration, runs
from embedlab.experiments.check import differences
from embedlab.experiments.registry import SLUGS, experiment, page
from embedlab.experiments.runs import Run
from embedlab.lab.backend import BACKEND
from embedlab.store import ROOT, fingerprint, module_path, sources_of


def test_quick_run_reports_every_experiment(quick_run):
    for slug in SLUGS:
        assert re.search(rf"^{slug}: (\d+ s|unchanged, skipped)", quick_run, re.MULTILINE), quick_run


@pytest.mark.parametrize("slug", [slug for slug in SLUGS if Run(slug, quick=True).parts])
def test_experiments_in_parts_are_combined_in_order_with_each_parts_time(quick_run, slug):
    r = Run(slug, quick=True)
    results = json.loads(r.results_path.read_text())
    names = [str(part) for part in r.parts]  # the parts as JSON writes them, keys of an object
    assert list(results["part_seconds"]) == names
    if r.module.PARTS == "tasks":  # an experiment in parts by task keeps each task's results under its name, in order
        assert list(results["tasks"]) == names
    assert results["seconds"] == pytest.approx(sum(results["part_seconds"].values()), abs=0.1)
    assert Run(slug, quick=True).last_seconds(r.parts[0]) == results["part_seconds"][names[0]]


def test_unchanged_experiments_are_skipped(quick_run):
    again = subprocess.run([sys.executable, "-m", "embedlab.experiments", "run", "--quick", "--only", "movement"],
                           cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 0 and "movement: unchanged, skipped" in again.stdout


def test_unknown_experiment_is_a_one_line_error():
    result = subprocess.run([sys.executable, "-m", "embedlab.experiments", "run", "--only", "nope"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1].startswith("error: unknown experiment nope")


def test_jobs_below_one_is_a_one_line_error():
    result = subprocess.run([sys.executable, "-m", "embedlab.experiments", "run", "--jobs", "0"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1] == "error: --jobs must be at least 1, not 0"


def test_experiments_refuse_keras_loaded_with_another_backend():
    code = ("import os; os.environ['KERAS_BACKEND'] = 'tensorflow'; import keras; "
            "from embedlab.lab.backend import use_backend; use_backend()")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"})
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1].startswith(f"error: the experiments train with Keras on {BACKEND}")


def test_results_key_follows_the_backend(monkeypatch):
    key = Run("movement", quick=True).key
    monkeypatch.setattr(runs, "BACKEND", "tensorflow")
    assert Run("movement", quick=True).key != key


@pytest.mark.parametrize("slug", SLUGS)
def test_committed_results_come_from_the_current_code(slug):
    run = Run(slug, quick=False)
    committed = json.loads(run.results_path.read_text())
    assert committed["input_key"] == run.key, f"docs/results/{slug}.json is stale: run `make figures`"
    assert not committed["quick"]


@pytest.mark.parametrize("slug", SLUGS)
def test_every_experiment_has_its_contract_page_figure_and_test(slug):
    module = experiment(slug)
    assert module.TITLE and module.QUESTION
    # Either one run(r), or PARTS with run_part and combine: exactly one of the two contracts.
    parted = tuple(hasattr(module, name) for name in ("PARTS", "run_part", "combine"))
    assert (callable(getattr(module, "run", None)), parted) in {(True, (False,) * 3), (False, (True,) * 3)}, (
        f"{slug} must define run, or PARTS with run_part and combine")
    assert set(module.FULL) == set(module.QUICK), "quick and full runs must set the same settings"
    assert (ROOT / "tests" / "experiments" / f"test_{slug}.py").is_file()
    text = (ROOT / "docs" / page(slug)).read_text()
    assert (ROOT / "docs" / "figures" / f"{slug}.svg").is_file()
    # The figure with its caption (the macro), or as a plain image (the map's fallback for readers without script).
    match = re.search(rf'\{{\{{ figure\("{slug}", "([^"]+)"\) \}}\}}|!\[([^\]]+)\]\(\.\./figures/{slug}\.svg\)', text)
    assert match and len(match.group(1) or match.group(2)) > 20, f"figure {slug}.svg is not shown on {page(slug)}"
    assert page(slug) in (ROOT / "mkdocs.yml").read_text(), f"{page(slug)} is not in the navigation"


def test_results_key_follows_the_imported_code():
    """Keys cover the package modules that the code imports, found by reading it: the movement experiment reaches the
    tokenizer only through lab.tasks, and never the site's word map."""
    sources = sources_of(module_path("embedlab.experiments.movement"))
    package = ROOT / "embedlab"
    for needed in ("data/corpus.py", "data/files.py", "lab/tasks.py", "lab/classifier.py", "store.py"):
        assert package / needed in sources, needed
    assert package / "site" / "word_map.py" not in sources
    assert package / "experiments" / "two_spaces.py" not in sources  # the registry imports experiments on demand


def test_fingerprint_changes_with_code_parameters_and_data(tmp_path):
    script = tmp_path / "script.py"
    script.write_text("from embedlab.data.corpus import nltk_sentences\n")
    key = fingerprint(files=[script], params={"epochs": 3}, data=["abc"])
    assert ROOT / "embedlab" / "data" / "corpus.py" in sources_of(script)
    assert fingerprint(files=[script], params={"epochs": 3}, data=["abc"]) == key
    assert fingerprint(files=[script], params={"epochs": 4}, data=["abc"]) != key
    assert fingerprint(files=[script], params={"epochs": 3}, data=["abd"]) != key
    script.write_text("from embedlab.data.corpus import nltk_sentences  # edited\n")
    assert fingerprint(files=[script], params={"epochs": 3}, data=["abc"]) != key


def test_check_compares_within_tolerances():
    committed = {"seconds": 10, "score": 0.80, "count": 1000, "neighbours": ["a", "b", "c", "d", "e"], "rule": "x"}
    assert differences(committed, dict(committed, seconds=99, score=0.81, count=1050)) == []
    assert differences(committed, dict(committed, neighbours=["a", "b", "c", "y", "z"])) == []
    found = differences(committed, dict(committed, score=0.75, count=1200, neighbours=["v", "w", "x", "y", "z"]))
    assert [line.split(":")[0] for line in found] == ["/score", "/count", "/neighbours"]
    assert differences(committed, dict(committed, rule="y")) == ["/rule: 'x' vs 'y'"]
    labels = {"groups": ["positive"] * 3 + ["negative"] * 2}  # repeated labels: their distinct values are compared
    assert differences(labels, labels) == []
    assert differences(labels, {"groups": ["other"] * 5}) != []
    drawn = {"x": [1.0, 2.0], "agreement": 0.7}  # map coordinates are drawing data; the statements are compared
    assert differences(drawn, {"x": [9.0, -4.0], "agreement": 0.7}) == []
    assert differences(drawn, {"x": [1.0, 2.0], "agreement": 0.6}) != []


def test_only_a_whole_full_regeneration_records_its_wall_time(tmp_path):
    path = tmp_path / "regeneration.json"
    assert not regeneration.record(list(SLUGS), quick=True, seconds=9.0, jobs=2, empty_cache=True, path=path)
    assert not regeneration.record(list(SLUGS[1:]), quick=False, seconds=9.0, jobs=2, empty_cache=True, path=path)
    assert not path.exists()
    assert regeneration.record(list(SLUGS), quick=False, seconds=9.04, jobs=2, empty_cache=False, path=path)
    written = json.loads(path.read_text())
    assert (written["seconds"], written["jobs"], written["empty_cache"]) == (9.0, 2, False)
    assert regeneration.covers_every_experiment(written)
    assert not regeneration.covers_every_experiment({**written, "experiments": list(SLUGS[1:])})
    assert not regeneration.covers_every_experiment({"seconds": 9.0})  # a record older than the list of experiments


@pytest.mark.parametrize("slug", SLUGS)
def test_registering_an_experiment_changes_no_other_results_key(slug):
    """The registry is code no experiment imports: a new slug in it leaves every other experiment's results current."""
    from embedlab.store import module_path, sources_of

    sources = sources_of(module_path(f"embedlab.experiments.{slug}"))
    assert module_path("embedlab.experiments.registry") not in sources
