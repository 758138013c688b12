"""The registered experiments, in the order the site reads them, and where each one's module and page are.

Kept out of the package's __init__ (see its docstring): no experiment imports this module, so registering a new
experiment leaves every other experiment's results key, and so its results, as they are.
"""

from __future__ import annotations

import importlib
from types import ModuleType

SLUGS = ("supervised", "starts", "kim_protocol", "dimension", "two_spaces", "objective", "map", "headlines", "metric",
         "little_data", "movement")


def experiment(slug: str) -> ModuleType:
    """The module of experiment ``slug``; imported on demand, so that no experiment's key covers another's code."""
    if slug not in SLUGS:
        raise KeyError(slug)
    return importlib.import_module(f"embedlab.experiments.{slug}")


def page(slug: str) -> str:
    """The experiment's page, relative to docs/."""
    return f"experiments/{slug.replace('_', '-')}.md"
