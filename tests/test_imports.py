"""What a reader copies imports only published packages: the standard library and the pinned requirements."""

import importlib.metadata
import sys

import pytest

from embedlab.site.snippets import all_snippets, distributions, imported
from embedlab.store import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.py"))


def _allowed() -> set[str]:
    """Top-level module names of the standard library and of the pinned requirements' distributions."""
    return set(sys.stdlib_module_names) | set(distributions(set(importlib.metadata.packages_distributions())))


@pytest.mark.parametrize("path", all_snippets() + NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_only_published_packages(path):
    outside = imported(path) - _allowed()
    assert not outside, f"{path.relative_to(ROOT)} imports {sorted(outside)}: neither standard library nor pinned"


def test_the_check_catches_the_project_package(tmp_path):
    source = tmp_path / "copied.py"
    source.write_text("import numpy\n\ndef f():\n    from embedlab.data.corpus import nltk_sentences\n")
    assert imported(source) - _allowed() == {"embedlab"}
