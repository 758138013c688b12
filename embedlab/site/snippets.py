"""Run the site's snippets as a reader would, and record what they print for the pages to include.

    python -m embedlab.site.snippets [snippets/PAGE/NAME.py ...]

With no arguments every snippet runs, with its default (full) settings, twice: to record whether a rerun prints the
same. Each output goes to NAME.out beside the snippet; a snippet of the mechanism page that uses no backend directly
also runs under JAX, into NAME.jax.out. snippets/outputs.json records the run time, whether the rerun was identical,
and a fingerprint of the snippet, so the tests can tell when it changed after its output was recorded.
"""

from __future__ import annotations

import argparse
import ast
import datetime
import importlib.metadata
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from embedlab.store import ROOT, atomic_write_text, fingerprint

SNIPPETS = ROOT / "snippets"
RECORD = SNIPPETS / "outputs.json"
BACKENDS = ("tensorflow", "jax")  # Keras backends the site shows outputs for; TensorFlow is the default
EVERY_BACKEND_PAGES = ("lookup_table",)  # the mechanism page: its backend-neutral snippets are run under each
# Libraries whose versions are recorded with each output and named on the pages: package name -> name shown.
VERIFIED_WITH = {"tensorflow-cpu": "TensorFlow", "keras": "Keras", "jax": "JAX", "gensim": "gensim"}


def all_snippets() -> list[Path]:
    return sorted(SNIPPETS.glob("*/*.py"))


SECTION = re.compile(r"^ *# --8<-- \[(start|end):(\w+)\]\n", re.MULTILINE)


def shown(path: Path) -> dict[str, str]:
    """What the pages can show of a snippet: the whole file as pymdownx.snippets includes it (section markers
    dropped), under "", and each named section, dedented as the pages include it (`--8<-- "PATH:NAME"`)."""
    import textwrap

    text = path.read_text()
    parts = {"": SECTION.sub("", text)}
    for name in dict.fromkeys(m[2] for m in SECTION.finditer(text)):
        body = re.search(rf"# --8<-- \[start:{name}\]\n(.*?)^ *# --8<-- \[end:{name}\]", text, re.S | re.M)
        parts[name] = SECTION.sub("", textwrap.dedent(body[1]))
    return parts


def backends(path: Path) -> tuple[str, ...]:
    """The backends a snippet runs under: the one it imports (TensorFlow or JAX autodiff shown plainly), else every
    backend on the mechanism page and TensorFlow elsewhere."""
    imported = re.findall(r"^(?:import|from) (tensorflow|jax)\b", path.read_text(), re.MULTILINE)
    if imported:
        return (imported[0],)
    return BACKENDS if path.parent.name in EVERY_BACKEND_PAGES else BACKENDS[:1]


def output_path(path: Path, backend: str = BACKENDS[0]) -> Path:
    """NAME.out, or NAME.jax.out for the JAX run of a snippet that runs under several backends."""
    several = len(backends(path)) > 1
    return path.with_suffix(f".{backend}.out" if several and backend != BACKENDS[0] else ".out")


def imported(path: Path) -> set[str]:
    """The top-level modules a Python file imports, wherever the import statement stands."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned() -> dict[str, str]:
    """The direct requirements and their pinned versions, from requirements.txt (names normalised, PEP 503)."""
    found = re.findall(r"^([A-Za-z0-9][\w.-]*)==(\S+)", (ROOT / "requirements.txt").read_text(), re.MULTILINE)
    return {_normal(name): version for name, version in found}


def distributions(modules: set[str]) -> dict[str, str]:
    """The pinned requirements that provide ``modules``: {module: requirement name}. Standard-library modules and
    modules that no pinned requirement provides are left out."""
    names = pinned()
    provided = importlib.metadata.packages_distributions()
    return {module: _normal(dist) for module in modules for dist in provided.get(module, [])
            if _normal(dist) in names}


def install_line(paths: list[Path]) -> str:
    """`pip install` with the pinned version of every package that ``paths`` import, and of the Keras backend their
    outputs were recorded with (TensorFlow, unless a snippet imports JAX)."""
    modules = set().union(*(imported(path) for path in paths))
    needed = set(distributions(modules).values())
    if "keras" in needed and not needed & {"tensorflow-cpu", "jax"}:
        needed.add("tensorflow-cpu")
    if "jax" in needed:
        needed.add("jaxlib")
    versions = pinned()
    return "pip install " + " ".join(f"{name}=={versions[name]}" for name in sorted(needed))


def versions() -> dict[str, str]:
    """The installed versions of the libraries the snippets' outputs depend on most."""
    return {name: importlib.metadata.version(name) for name in VERIFIED_WITH}


def stamp(path: Path) -> str:
    """What decides a snippet's output besides the pinned libraries and the data: its code and the code it imports."""
    return fingerprint(files=[path])


# Code that makes an interpreter unable to import this project's package (installed here, not on a reader's
# machine): a snippet or notebook that still imports it fails in the tests as it would there.
NO_PROJECT = """
import sys
class NoProject:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "embedlab":
            raise ModuleNotFoundError(f"No module named {name!r}: a snippet may import published packages only")
sys.meta_path.insert(0, NoProject())
"""
# `python SNIPPET ARGS` as a reader runs it, without this project's package.
ALONE = NO_PROJECT + """
import runpy
sys.argv = sys.argv[1:]
sys.path[0] = sys.argv[0].rpartition("/")[0]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def run(path: Path, *args: str, backend: str | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run one snippet in a fresh interpreter from an empty temporary folder, under the given Keras backend (default:
    the first it runs under), as a reader who copied it into their own project would."""
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", KERAS_BACKEND=backend or backends(path)[0])
    with tempfile.TemporaryDirectory() as folder:
        return subprocess.run([sys.executable, "-c", ALONE, str(path), *args], cwd=folder, env=env,
                              capture_output=True, text=True, timeout=timeout)


def _output(path: Path, backend: str) -> str:
    result = run(path, backend=backend)
    if result.returncode != 0:
        tail = result.stderr.strip().splitlines()[-1:] or ["(no error output)"]
        sys.exit(f"error: {path.relative_to(ROOT)} failed under {backend}: {tail[0]}")
    return result.stdout


def record(paths: list[Path]) -> None:
    """Run each snippet under each of its backends, twice: the first output is kept for the page, and whether the
    second was identical is recorded (what a reader who reruns it on the same set-up should see)."""
    recorded = json.loads(RECORD.read_text()) if RECORD.exists() else {}
    for path in paths:
        start = time.perf_counter()
        changed = []
        for backend in backends(path):
            first = _output(path, backend)
            if _output(path, backend) != first:
                changed.append(backend)
            atomic_write_text(output_path(path, backend), first)
        seconds = (time.perf_counter() - start) / 2
        recorded[str(path.relative_to(ROOT))] = {
            "stamp": stamp(path), "backends": list(backends(path)), "seconds": round(seconds, 1),
            "rerun_identical": not changed, "rerun_differs_under": changed,
            "versions": versions(), "recorded": datetime.datetime.now(datetime.UTC).date().isoformat()}
        atomic_write_text(RECORD, json.dumps(dict(sorted(recorded.items())), indent=2) + "\n")
        differs = f"; the rerun differs under {', '.join(changed)}" if changed else ""
        print(f"{path.relative_to(ROOT)}: {seconds:.1f} s per run{differs}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="snippets to run (default: all)")
    args = parser.parse_args()
    paths = [p.resolve() for p in args.paths] or all_snippets()
    for path in paths:
        if not path.is_file() or path.parent.parent != SNIPPETS:
            sys.exit(f"error: {path} is not a snippet (expected snippets/PAGE/NAME.py)")
    record(paths)


if __name__ == "__main__":
    main()
