"""The GitHub Actions workflow that tests and publishes the site: actionlint finds nothing wrong with it, it runs the
README's test command, and it deploys what `mkdocs build` made, at the address GitHub Pages gives it."""

import re
import subprocess
import sys
from pathlib import Path

import yaml

from embedlab.store import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def test_actionlint_finds_nothing():
    actionlint = Path(sys.executable).parent / "actionlint"
    result = subprocess.run([str(actionlint), "-no-color", str(WORKFLOW)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_catch_a_broken_workflow(tmp_path):
    broken = tmp_path / ".github" / "workflows" / "site.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(WORKFLOW.read_text().replace("runs-on: ubuntu-24.04", "runs-on: ${{ matrix.os }}", 1))
    actionlint = Path(sys.executable).parent / "actionlint"
    result = subprocess.run([str(actionlint), "-no-color", str(broken)], capture_output=True, text=True)
    assert result.returncode != 0 and "matrix" in result.stdout


def test_it_runs_the_readme_test_command_and_deploys_the_build():
    readme_test = re.search(r"^(make test)\b", (ROOT / "README.md").read_text(), re.MULTILINE).group(1)
    jobs = yaml.safe_load(WORKFLOW.read_text())["jobs"]
    assert readme_test in [step.get("run") for step in jobs["test"]["steps"]]
    deploy = jobs["deploy"]["steps"]
    build = next(step for step in deploy if step.get("run") == "make build")
    assert build["env"]["SITE_URL"].startswith("${{ steps.pages.outputs.base_url }}")
    uses = [step.get("uses", "").split("@")[0] for step in deploy]
    assert uses.index("actions/upload-pages-artifact") < uses.index("actions/deploy-pages")
    upload = next(step for step in deploy if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"  # mkdocs build's output folder
