"""The project's real data files: where each one lives, its sha256, and how to get a verified local path.

A file is read from a local copy when EMBEDLAB_DATA names a folder laid out like the project's shared data
(``nltk_data/corpora/NAME.zip``, ``clickbait/NAME.gz``); otherwise it is downloaded once from its canonical address
into a cache folder (EMBEDLAB_CACHE, default ``~/.cache/embedlab``). Either way its sha256 is checked before use.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from embedlab.store import cache_dir, sha256_of

DATA_ENV = "EMBEDLAB_DATA"
_NLTK_URL = "https://raw.githubusercontent.com/nltk/nltk_data/gh-pages/packages/corpora/{}.zip"
_CLICKBAIT_URL = "https://github.com/bhargaviparanjape/clickbait/raw/master/dataset/{}.gz"


class DataError(RuntimeError):
    """A data file is missing, unreachable or corrupt; the message says which and how to get it."""


def report_data_errors() -> None:
    """Make a program that stops on a DataError print one line (which file, how to get it) instead of a traceback.

    Called by the entry points (the experiments, the snippet runner, the benchmark, snippets that load data):
    importing the package changes nothing in the interpreter.
    """
    default = sys.excepthook

    def hook(kind, value, traceback):
        if issubclass(kind, DataError):
            print(f"error: {value}", file=sys.stderr)  # the interpreter still exits with status 1
        else:
            default(kind, value, traceback)

    sys.excepthook = hook


@dataclass(frozen=True)
class DataFile:
    relpath: str  # path inside a data folder (EMBEDLAB_DATA or the cache)
    url: str
    sha256: str


def _nltk(name: str, sha256: str) -> DataFile:
    return DataFile(f"nltk_data/corpora/{name}.zip", _NLTK_URL.format(name), sha256)


def _clickbait(name: str, sha256: str) -> DataFile:
    return DataFile(f"clickbait/{name}.gz", _CLICKBAIT_URL.format(name), sha256)


FILES: dict[str, DataFile] = {
    "brown": _nltk("brown", "9b275f9b3b95d7bd66ccfb7cd259f445a13bbe5d1f4107aba09fd3e8364bafa6"),
    "abc": _nltk("abc", "129bb6001beb828049a90a59b7dd3c2f0594a47012e48fc5177dfae38e658565"),
    "state_union": _nltk("state_union", "366c1dc82b2abf896f42b2ec50ba802a0141a29f75d29ca48a7a243ce5bfbe8d"),
    "webtext": _nltk("webtext", "9e32dbae4879464b8f420a0dc721855bb26167b720d7695588d2ca2aeadf501a"),
    "inaugural": _nltk("inaugural", "7c5fb5793e31fbeae12bf1aa0ffda5336468f07cedb50654c6d31ca384e2046b"),
    "movie_reviews": _nltk("movie_reviews", "a41211ae685019137410268134db6a1a14428c89b671eb83056151a878539008"),
    "sentence_polarity": _nltk("sentence_polarity", "6e1ed4405b65c7eabf1d199a7f7c437091ac21da0ea7467b410a74062574566b"),
    "subjectivity": _nltk("subjectivity", "741f3371e1a4375051b874fd82fd55857b90975473c91c19a3101cbe17fc4d8c"),
    "opinion_lexicon": _nltk("opinion_lexicon", "7a5da68d53016c5d1fca38f7dd81844cff73466371f90968d1ef15c85b873193"),
    "clickbait_data": _clickbait("clickbait_data", "a174ae2a377908ae58a514416c01a19c882de27fa6b1500da3774114e332a546"),
    "non_clickbait_data": _clickbait(
        "non_clickbait_data", "4baa2a3cf6b28a48b765e4f763b5d5f03535caae1c70a26f680d39b0ca782a05"
    ),
}


def _check(path: Path, data: DataFile) -> Path:
    actual = sha256_of(path)
    if actual != data.sha256:
        raise DataError(
            f"{path} is corrupt (sha256 {actual[:12]}..., expected {data.sha256[:12]}...): "
            f"delete it and fetch it again from {data.url}"
        )
    return path


def fetch(name: str) -> Path:
    """Return the verified local path of data file ``name`` (a key of FILES), downloading it if needed."""
    if name not in FILES:
        raise DataError(f"unknown data file {name!r}; known: {', '.join(sorted(FILES))}")
    data = FILES[name]
    local_root = os.environ.get(DATA_ENV)
    if local_root:
        path = Path(local_root) / data.relpath
        if not path.is_file():
            raise DataError(
                f"{path} not found: {DATA_ENV}={local_root} must hold {data.relpath} "
                f"(download it from {data.url}), or unset {DATA_ENV} to download it automatically"
            )
        return _check(path, data)
    path = cache_dir() / data.relpath
    if path.is_file():
        return _check(path, data)
    return _download(data, path)


def _download(data: DataFile, path: Path) -> Path:
    import pooch  # imported here: only needed when a file is not available locally

    try:
        # pooch downloads to a temporary file, checks the hash, then moves it into place: no half-written file.
        pooch.retrieve(
            data.url, known_hash=f"sha256:{data.sha256}", fname=path.name, path=path.parent, progressbar=False
        )
    except ValueError as err:  # pooch's hash mismatch
        raise DataError(f"download of {data.url} did not match its sha256: {err}") from None
    except Exception as err:  # network errors come in many types; all mean the same to the reader
        raise DataError(
            f"could not download {data.url} ({type(err).__name__}); put a copy at {path}, "
            f"or set {DATA_ENV} to a folder holding {data.relpath}"
        ) from None
    return path
