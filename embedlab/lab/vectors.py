"""Word vectors trained on the general corpus: word2vec and fastText with gensim, GloVe as a Keras model.

Each trained set of vectors is cached under the cache folder, keyed by its settings, the corpus checksums and the
code that reads the corpus and trains, so experiments that share vectors train them once.

    python -m embedlab.lab.vectors SETTINGS_JSON PATH    (trains GloVe into PATH; general_vectors runs it)
"""

from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import numpy as np
from gensim.models import FastText, KeyedVectors, Word2Vec

from embedlab.data.corpus import GENERAL_CORPORA, general_corpus
from embedlab.data.files import FILES
from embedlab.lab.constants import DIM
from embedlab.store import atomic_save, cache_dir, fingerprint

METHODS = ("word2vec", "glove", "fasttext")
# The GloVe model is trained under TensorFlow, whichever backend the caller uses: its AdaGrad then adds one square
# per lookup of a row, as GloVe's own program does cell by cell; JAX squares the sum of a batch's repeated lookups,
# which trains these vectors worse (measured on the GloVe page).
GLOVE_BACKEND = "tensorflow"


@dataclass(frozen=True)
class Settings:
    dim: int = DIM
    window: int = 5
    negative: int = 5
    min_count: int = 5
    sample: float = 1e-3
    epochs: int = 5
    glove_window: int = 10
    glove_epochs: int = 15
    max_sentences: int | None = None  # None: the whole general corpus
    corpora: tuple[str, ...] = GENERAL_CORPORA
    seed: int = 0


FULL = Settings()
QUICK = Settings(epochs=3, glove_epochs=5, max_sentences=30_000)


def vector_settings(quick: bool) -> Settings:
    """The vectors every experiment shares: full settings, or the quick ones that the tests train."""
    return QUICK if quick else FULL


def without(settings: Settings, corpus: str | None) -> Settings:
    """The same settings on the general corpus less ``corpus`` (a task's own texts), or unchanged for None."""
    return settings if corpus is None else replace(settings, corpora=tuple(c for c in settings.corpora if c != corpus))


def _corpus(settings: Settings) -> list[list[str]]:
    return general_corpus(settings.corpora)[: settings.max_sentences]


def train_word2vec(sentences, s: Settings) -> KeyedVectors:
    model = Word2Vec(
        sentences, sg=1, vector_size=s.dim, window=s.window, negative=s.negative, min_count=s.min_count,
        sample=s.sample, epochs=s.epochs, seed=s.seed, workers=1,  # one thread: reproducible
    )
    return model.wv


def train_fasttext(sentences, s: Settings) -> KeyedVectors:
    model = FastText(
        sentences, sg=1, vector_size=s.dim, window=s.window, negative=s.negative, min_count=s.min_count,
        sample=s.sample, epochs=s.epochs, seed=s.seed, workers=1, min_n=3, max_n=6, bucket=200_000,
    )
    return model.wv


def cooccurrence(sentences, words: list[str], window: int):
    """GloVe's counts: a pair of words d positions apart (within a sentence) adds 1/d, in both directions."""
    import scipy.sparse

    index = {w: i for i, w in enumerate(words)}
    ids = np.array([index.get(w, -1) for s in sentences for w in s])
    sentence_of = np.repeat(np.arange(len(sentences)), [len(s) for s in sentences])
    rows, cols, weights = [], [], []
    for d in range(1, window + 1):
        ok = (sentence_of[:-d] == sentence_of[d:]) & (ids[:-d] >= 0) & (ids[d:] >= 0)
        rows += [ids[:-d][ok], ids[d:][ok]]
        cols += [ids[d:][ok], ids[:-d][ok]]
        weights += [np.full(ok.sum(), 1.0 / d)] * 2
    shape = (len(words), len(words))
    data = (np.concatenate(weights), (np.concatenate(rows), np.concatenate(cols)))
    return scipy.sparse.coo_matrix(data, shape=shape).tocsr().tocoo()  # CSR sums repeated (i, j) entries


def train_glove(sentences, s: Settings, x_max: float = 100.0, alpha: float = 0.75) -> KeyedVectors:
    """The model of the GloVe page: word and context tables plus biases, weighted squared error, AdaGrad."""
    import keras

    keras.utils.set_random_seed(s.seed)
    counts = collections.Counter(w for sentence in sentences for w in sentence)
    words = [w for w, c in counts.most_common() if c >= s.min_count]
    X = cooccurrence(sentences, words, s.glove_window)
    i_in, j_in = keras.Input(shape=(), dtype="int32"), keras.Input(shape=(), dtype="int32")
    w_i = keras.layers.Embedding(len(words), s.dim, name="word_table")(i_in)
    w_j = keras.layers.Embedding(len(words), s.dim, name="context_table")(j_in)
    b_i = keras.layers.Embedding(len(words), 1, "zeros")(i_in)
    b_j = keras.layers.Embedding(len(words), 1, "zeros")(j_in)
    model = keras.Model([i_in, j_in], keras.ops.sum(w_i * w_j, axis=-1, keepdims=True) + b_i + b_j)
    model.compile(keras.optimizers.Adagrad(0.05), keras.losses.MeanSquaredError(reduction="sum"), jit_compile=True)
    weight = np.minimum(1.0, (X.data / x_max) ** alpha)
    model.fit([X.row, X.col], np.log(X.data)[:, None], sample_weight=weight, batch_size=32768,
              epochs=s.glove_epochs, shuffle=True, verbose=0)
    vectors = KeyedVectors(s.dim)
    table = model.get_layer("word_table").get_weights()[0] + model.get_layer("context_table").get_weights()[0]
    vectors.add_vectors(words, table)
    return vectors


_TRAIN = {"word2vec": train_word2vec, "glove": train_glove, "fasttext": train_fasttext}


def _key(method: str, s: Settings) -> str:
    corpus = [FILES[name].sha256 for name in s.corpora]
    backend = GLOVE_BACKEND if method == "glove" else None
    return fingerprint(modules=[__name__], params=[method, asdict(s), backend], data=corpus)[:16]


def _save(path: Path, vectors: KeyedVectors) -> None:
    atomic_save(path, lambda temporary: vectors.save_word2vec_format(temporary, binary=True))


def _train_glove_apart(settings: Settings, path: Path) -> None:
    """Train GloVe in a fresh interpreter under GLOVE_BACKEND (Keras picks its backend once, when imported)."""
    env = dict(os.environ, KERAS_BACKEND=GLOVE_BACKEND, TF_CPP_MIN_LOG_LEVEL="3")
    subprocess.run([sys.executable, "-m", __name__, json.dumps(asdict(settings)), str(path)], env=env, check=True)


def general_vectors(method: str, settings: Settings = FULL) -> KeyedVectors:
    """Vectors of ``method`` trained on the general corpus with ``settings``; trained once, then read from cache."""
    if method not in _TRAIN:
        raise ValueError(f"unknown method {method!r}; choose from {', '.join(METHODS)}")
    path = cache_dir() / "vectors" / f"{method}-{_key(method, settings)}.bin"
    if not path.is_file():
        if method == "glove":
            _train_glove_apart(settings, path)
        else:
            vectors = _TRAIN[method](_corpus(settings), settings)
            if method == "fasttext":  # keep only the word vectors: comparable with the others, and small on disk
                plain = KeyedVectors(settings.dim)
                plain.add_vectors(vectors.index_to_key, vectors.vectors)
                vectors = plain
            _save(path, vectors)
    return KeyedVectors.load_word2vec_format(str(path), binary=True)


if __name__ == "__main__":
    fields = json.loads(sys.argv[1])
    s = Settings(**{**fields, "corpora": tuple(fields["corpora"])})
    _save(Path(sys.argv[2]), train_glove(_corpus(s), s))
