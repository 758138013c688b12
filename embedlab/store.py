"""The ground floor: where cached files live, how files are hashed and written, and the one fingerprint function
that every cache key and results key is made with.

A fingerprint covers what decides an output: source files (each followed through the ``embedlab`` modules it
imports, read with ``ast``, so no list of dependencies is kept by hand), parameters, and data checksums.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]  # the repository
PACKAGE = ROOT / "embedlab"
CACHE_ENV = "EMBEDLAB_CACHE"


def cache_dir() -> Path:
    """Downloads, tokens, trained vectors and models, executed notebooks: EMBEDLAB_CACHE or ~/.cache/embedlab."""
    return Path(os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "embedlab")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as f:
            f.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes 0600; give the mode an ordinary file would have
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_save(path: Path, save) -> None:
    """Let ``save(temporary_path)`` write a file (numpy, gensim), then move it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=path.suffix)
    os.close(handle)
    try:
        save(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _module_file(name: str) -> Path | None:
    """The source file of module ``name`` if it is part of the package."""
    parts = name.split(".")
    if parts[0] != PACKAGE.name:
        return None
    base = PACKAGE.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported_modules(path: Path) -> set[str]:
    """Modules that ``path`` imports anywhere in its code (top level or inside functions), absolute names."""
    inside = path.is_relative_to(PACKAGE)  # relative imports are resolved for package modules only
    package = _module_name(path) if inside else ""
    if inside and path.name != "__init__.py":
        package = package.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level and inside:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)  # `from pkg import module`
    return found


@cache
def _package_imports(path: Path) -> frozenset[Path]:
    files = set()
    for name in _imported_modules(path):
        parts = name.split(".")
        for depth in range(1, len(parts) + 1):  # importing a.b.c runs a/__init__.py and a/b/__init__.py too
            found = _module_file(".".join(parts[:depth]))
            if found is not None:
                files.add(found)
    return frozenset(files)


def sources_of(*paths: Path) -> list[Path]:
    """``paths`` and every package source file they import, directly or through each other, sorted."""
    seen: set[Path] = set()
    todo = [Path(p).resolve() for p in paths]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        if path.suffix == ".py":
            todo.extend(_package_imports(path) - seen)
    return sorted(seen)


def module_path(name: str) -> Path:
    found = _module_file(name)
    if found is None:
        raise ValueError(f"{name} is not a module of the package")
    return found


def fingerprint(*, files: Iterable[Path] = (), modules: Iterable[str] = (), params=None,
                data: Iterable[str] = ()) -> str:
    """A sha256 of everything that decides an output: the ``files`` and package ``modules`` with all the package
    code they import, the JSON form of ``params``, and the checksums of the ``data`` files read."""
    sources = sources_of(*files, *(module_path(name) for name in modules))
    digest = hashlib.sha256(json.dumps([params, sorted(data)], sort_keys=True, default=str).encode())
    for path in sources:
        name = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
