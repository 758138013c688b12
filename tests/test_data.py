"""Missing or corrupt data stops a program with one line that names the file, and writes nothing."""

import shutil
import sys
from pathlib import Path

import pytest

from embedlab import store
from embedlab.data import files as data
from embedlab.site.snippets import ROOT, run


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A private data folder and cache, so the test can break files without touching the real ones."""
    monkeypatch.setenv(data.DATA_ENV, str(tmp_path / "data"))
    monkeypatch.setenv(store.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "data"


def test_unknown_name():
    with pytest.raises(data.DataError, match="unknown data file 'nope'"):
        data.fetch("nope")


def test_local_copy_is_verified(data_copy, tmp_path):
    target = data_copy / data.FILES["inaugural"].relpath
    with pytest.raises(data.DataError, match="inaugural.zip not found"):
        data.fetch("inaugural")
    target.parent.mkdir(parents=True)
    target.write_bytes(b"not a zip file")
    with pytest.raises(data.DataError, match="inaugural.zip is corrupt"):
        data.fetch("inaugural")


@pytest.fixture
def reader_data(tmp_path, monkeypatch) -> Path:
    """An empty NLTK data folder and home for the snippets, which load data through NLTK as a reader's copy does;
    downloads go to a closed local port, so the attempt fails at once whatever the network."""
    monkeypatch.setenv("NLTK_DATA", str(tmp_path / "nltk_data"))
    monkeypatch.setenv("HOME", str(tmp_path))
    for proxy in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.setenv(proxy, "http://127.0.0.1:9")
    return tmp_path / "nltk_data"


def test_missing_file_gives_one_line_from_a_snippet(reader_data):
    result = run(ROOT / "snippets" / "lookup_table" / "small_model.py")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("error: ") and "sentence_polarity" in last and "nltk.downloader" in last
    assert "accuracy" not in result.stdout  # stopped before training


def test_corrupt_file_gives_one_line_from_a_snippet(reader_data):
    target = reader_data / "corpora" / "brown.zip"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"truncated")
    result = run(ROOT / "snippets" / "word2vec" / "gensim_word2vec.py", "--small")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("error: cannot read NLTK's Brown corpus (BadZipFile)")


def test_atomic_write_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "out" / "result.txt"
    store.atomic_write_text(path, "done\n")
    assert path.read_text() == "done\n"
    assert [p.name for p in path.parent.iterdir()] == ["result.txt"]


def test_without_a_local_copy_the_download_is_attempted(monkeypatch, tmp_path):
    """No EMBEDLAB_DATA and no cache: fetch goes to the canonical address (offline here, so it must fail cleanly)."""
    monkeypatch.delenv(data.DATA_ENV, raising=False)
    monkeypatch.setenv(store.CACHE_ENV, str(tmp_path))
    calls = []

    def fake_retrieve(url, known_hash, fname, path, progressbar):
        calls.append((url, known_hash))
        raise ConnectionError("offline")

    monkeypatch.setitem(sys.modules, "pooch", type(sys)("pooch"))
    sys.modules["pooch"].retrieve = fake_retrieve
    with pytest.raises(data.DataError, match="could not download .*abc.zip"):
        data.fetch("abc")
    assert calls == [(data.FILES["abc"].url, f"sha256:{data.FILES['abc'].sha256}")]
    assert not any(tmp_path.iterdir())
    shutil.rmtree(tmp_path, ignore_errors=True)
