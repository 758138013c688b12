"""The transformers page: a one-block transformer whose token table is an ordinary Embedding, trained by the
next-word loss; with tied output weights one SGD step changes every row of the table, untied only the batch's."""

import re

PRONOUNS = {"she", "they", "i", "it", "we", "you", "him", "there"}
NUMBERS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "few", "many"}


def _check(out: str) -> dict[str, list[str]]:
    vocab, dim, tied, untied = re.search(
        r"token table: Embedding, ([\d,]+) rows of (\d+)\nparameters: ([\d,]+) with tied output weights, "
        r"([\d,]+) untied", out).groups()
    vocab, dim, tied, untied = (int(x.replace(",", "")) for x in (vocab, dim, tied, untied))
    assert untied - tied == vocab * dim  # tying removes exactly one vocabulary-by-dimension table
    losses = [float(x) for x in re.search(r"training, by epoch: (.+)$", out, re.M).group(1).split(", ")]
    assert len(losses) == 2 and losses[-1] < losses[0]  # the loss falls
    model, unigram = map(float, re.search(r"transformer ([\d.]+), word frequencies alone ([\d.]+)", out).groups())
    assert model < unigram  # on held-out sentences, the context helps
    distinct = int(re.search(r"(\d+) distinct input tokens", out).group(1))
    changed = {name: int(n.replace(",", "")) for name, n in re.findall(r"(\w+) output weights: ([\d,]+) of", out)}
    assert changed == {"untied": distinct, "tied": vocab} and distinct < vocab
    return {probe: words.split(", ") for probe, words in re.findall(r"^\s*(\w+): (\w.*)$", out, re.MULTILINE)}


def test_tiny_transformer(run_snippet, recorded_output):
    _check(run_snippet("transformers/tiny_transformer.py"))
    # The neighbours the page reads off the output it shows: pronouns near "he", numbers near "three".
    neighbours = _check(recorded_output("transformers/tiny_transformer.py"))
    assert len(set(neighbours["he"]) & PRONOUNS) >= 3
    assert len(set(neighbours["three"]) & NUMBERS) >= 2
