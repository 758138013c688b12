"""The recipes page: each snippet runs as a reader would run it, and its output says what the page says it does."""

import re


def _numbers(text: str) -> list[float]:
    return [float(x.replace(",", "")) for x in re.findall(r"\d[\d,]*\.?\d*", text)]


# --- entity embeddings ---------------------------------------------------------------------------------------------


def _entity_results(out: str) -> dict[str, tuple[int, list[float]]]:
    results = {}
    for name in ("entity embeddings", "one-hot"):
        line = re.search(rf"^{name} +([\d,]+)  (.+)$", out, re.MULTILINE)
        results[name] = (int(line[1].replace(",", "")), [float(x) for x in line[2].split()])
    return results


def _sizes(out: str) -> dict[str, tuple[int, int, int]]:
    rows = re.findall(r"^(word|previous word|next word|last 3 letters|capitals|genre) +([\d,]+) +(\d+) +(\d+)$",
                      out, re.MULTILINE)
    return {name: (int(n.replace(",", "")), int(a), int(b)) for name, n, a, b in rows}


def test_entity_embeddings(run_snippet):
    """Both models learn the held-out tags well above the commonest tag's share, each column gets the fourth-root
    size, and the embeddings need a fraction of the one-hot model's parameters."""
    out = run_snippet("recipes/entity_embeddings.py", "--small")
    assert "table: 15,000 training rows from 150 texts" in out
    sizes = _sizes(out)
    assert len(sizes) == 6
    for n, size, fastai in sizes.values():
        assert size == max(2, round(n**0.25)) and fastai == min(600, round(1.6 * n**0.56))
    results = _entity_results(out)
    assert all(0.8 < accuracy < 1 for _, runs in results.values() for accuracy in runs)
    assert results["entity embeddings"][0] * 4 < results["one-hot"][0]


def test_entity_embeddings_recorded_output_is_what_the_page_says(recorded_output):
    """The page: word columns of thousands of categories get 7 or 8 dimensions by the fourth-root rule and over a
    hundred by fastai's; one-hot was the more accurate with both seeds, by less than two points; the embeddings used
    under a sixth of its parameters."""
    out = recorded_output("recipes/entity_embeddings.py")
    assert "table: 60,000 training rows from 150 texts" in out
    sizes = _sizes(out)
    for column in ("word", "previous word", "next word"):
        n, size, fastai = sizes[column]
        assert n > 1000 and size in (7, 8) and fastai > 100
    assert sizes["genre"] == (15, 2, 7)
    (small, embedded), (large, one_hot) = _entity_results(out).values()
    assert len(embedded) == len(one_hot) == 2
    assert all(0 < o - e < 0.02 for e, o in zip(embedded, one_hot))
    assert small * 6 < large


# --- remapping a vocabulary ----------------------------------------------------------------------------------------


def test_vocabulary_remap(run_snippet, recorded_output):
    """Remapped by word, the kept rows are the old rows and every held-out headline without a dropped word gets the
    old output; copied by position, almost none does; a fresh [UNK] row changes some; Keras 3 has no warm-start
    utility."""
    out = run_snippet("recipes/vocabulary_remap.py")
    kept, moved, new, dropped = _numbers(re.search(r"^words kept .+$", out, re.MULTILINE)[0])
    assert new > 0 and dropped > 0 and moved > 0.9 * kept
    assert re.search(r"kept words \(padding and \[UNK\] included\) equal to their old rows: True$", out, re.MULTILINE)
    old_accuracy = float(re.search(r"old model's accuracy (\S+)", out)[1])
    table = {}
    for name in ("remapped by word", "copied by position", "[UNK] row started anew"):
        same, without, same_with, with_dropped, accuracy = _numbers(out.split(name, 1)[1].splitlines()[0])
        table[name] = (same, without, same_with, with_dropped, accuracy)
    same, without, same_with, with_dropped, accuracy = table["remapped by word"]
    assert same == without and same_with < 0.05 * with_dropped
    assert abs(accuracy - old_accuracy) <= 0.005
    same, without, *_, accuracy = table["copied by position"]
    assert same < 0.05 * without and accuracy < old_accuracy - 0.1
    same, without, *_ = table["[UNK] row started anew"]
    assert 0 < same < without
    assert "keras.utils.warmstart_embedding_matrix in Keras 3.15.1: False" in out
    assert out == recorded_output("recipes/vocabulary_remap.py")


# --- gensim KeyedVectors to a Keras Embedding ----------------------------------------------------------------------


def test_gensim_to_keras(run_snippet, recorded_output):
    out = run_snippet("recipes/gensim_to_keras.py")
    assert "KeyedVectors.get_keras_embedding exists: False" in out
    assert "Keras vocabulary: " in out and "starting ['', '[UNK]', 'the', 'of']" in out
    words = re.findall(r"^ *(\w+): gensim id +(\d+|-), Keras id +(\d+), (.+)$", out, re.MULTILINE)
    assert len(words) == 6
    for word, gensim_id, keras_id, check in words:
        if gensim_id == "-":
            assert keras_id == "1" and check == "no vector; row == [UNK] row: True"
        else:
            assert int(keras_id) == int(gensim_id) + 2 and check == "row == kv[word]: True"
    assert "frozen (trainable=False): 0 trainable weights; padding id 0 masked: True" in out
    assert "kv.vectors as the table: id 0 is 'the'; masked as padding: True" in out
    assert out == recorded_output("recipes/gensim_to_keras.py")


# --- weights=[matrix], Constant(matrix) and the rest -----------------------------------------------------------------


def test_weights_or_constant(run_snippet, recorded_output):
    """What the page's table states, line by line: which ways give the table, what clone_model() and a save and load
    give back, and which error each failing way raises."""
    out = run_snippet("recipes/weights_or_constant.py")
    assert out.startswith("Keras 3.15.1; the matrix: 10,001 x 50")
    expected = {
        "weights=, input_length= (Keras 2)": "the table  a random start  the table",
        "weights=[matrix]": "the table  a random start  the table",
        "Constant(matrix)": "the table  the table  the table",
        "build(), then set_weights()": "the table  a random start  the table",
        "build(), then embeddings.assign()": "the table  a random start  the table",
        "Constant(one row)": "one row repeated  one row repeated  one row repeated",
        "set_weights() before build": "ValueError",
        "weights=, padding row missing": "ValueError",
        "Constant(), padding row missing": "InvalidArgumentError",
    }
    for way, result in expected.items():
        line = next(line for line in out.splitlines() if line.startswith(way + " "))
        assert re.sub(r" {2,}", "  ", line[len(way):].strip()) == result, line
    assert "warning: Argument `input_length` is deprecated. Just remove it." in out
    assert "expecting 0 weights" in out
    assert "is not compatible with provided weight" in out and "Incompatible shapes" in out
    assert "Dense(2, weights=...): ValueError: Unrecognized keyword arguments passed to Dense" in out
    assert out == recorded_output("recipes/weights_or_constant.py")
