"""The snippet of the seeing-vectors page: the files it writes are in the Embedding Projector's format."""

import collections
import math

from embedlab.data.corpus import sentence_polarity


def test_export_projector(run_snippet, recorded_output, tmp_path):
    out = run_snippet("seeing_vectors/export_projector.py", "--out", str(tmp_path))
    vectors = [line.split("\t") for line in (tmp_path / "vectors.tsv").read_text().splitlines()]
    header, *rows = [line.split("\t") for line in (tmp_path / "metadata.tsv").read_text().splitlines()]
    assert header == ["word", "count"]
    assert len(rows) == len(vectors) == 4998  # max_tokens=5000 less the padding and [UNK] rows
    assert {len(v) for v in vectors} == {16}  # the Embedding's output_dim
    assert all(math.isfinite(float(x)) for v in vectors for x in v)  # numbers, no NaN or infinity
    words = [w for w, _ in rows]
    assert "" not in words and "[UNK]" not in words and len(set(words)) == len(words)
    # TextVectorization numbers the words by falling frequency: the metadata must keep that order.
    counts = collections.Counter(w for s in sentence_polarity()[0] for w in s)
    assert [int(c) for _, c in rows] == [counts[w] for w in words]
    assert [int(c) for _, c in rows] == sorted((int(c) for _, c in rows), reverse=True)
    assert words[0] == counts.most_common(1)[0][0]
    assert 'tensor_path: "vectors.tsv"' in (tmp_path / "projector_config.pbtxt").read_text()
    # The recorded output differs from this run's only in the folder named on its first line.
    assert out.splitlines()[0] == f"wrote {tmp_path}"
    assert out.splitlines()[1:] == recorded_output("seeing_vectors/export_projector.py").splitlines()[1:]
