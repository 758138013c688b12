"""The fastText page: n-grams by hand versus gensim, and a vector for an unseen word rebuilt with Keras."""

import re


def test_subword_ngrams(run_snippet, recorded_output):
    out = run_snippet("fasttext/subword_ngrams.py")
    assert out.count("same set as gensim's compute_ngrams: True") == 2
    assert "'<her>' in n-grams of 'where': False   'her': True" in out
    assert out == recorded_output("fasttext/subword_ngrams.py")


def test_gensim_fasttext_unseen_word(run_snippet):
    out = run_snippet("fasttext/gensim_fasttext.py", "--small")
    assert "'presidentially' in the vocabulary: False" in out
    assert "Keras average equals gensim's vector: True" in out


def test_supervised_classifier_with_hashed_word_pairs(run_snippet, recorded_output):
    """One seed (--small) gives the accuracies that the recorded three-seed run printed for that seed."""
    pattern = r"^(words only|words and hashed word pairs)\s+held-out accuracy [\d.]+.*\(seeds: ([\d.]+)"
    small = dict(re.findall(pattern, run_snippet("fasttext/supervised_classifier.py", "--small"), re.M))
    recorded = dict(re.findall(pattern, recorded_output("fasttext/supervised_classifier.py"), re.M))
    assert set(small) == {"words only", "words and hashed word pairs"}
    assert all(0.65 < float(a) < 0.9 for a in small.values())  # balanced classes: chance is 0.5
    assert small == recorded


# The exercises at the end of the page: each solution's claim, checked on what the solution prints.


def test_exercise_ngram_count(run_snippet, recorded_output):
    """A word of L letters has 4L - 6 n-grams from 4 letters on; repeated n-grams are looked up once per
    occurrence."""
    out = run_snippet("fasttext/exercise_ngram_count.py")
    rows = re.findall(r"^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\w+)$", out, re.MULTILINE)
    assert len(rows) == 7
    for letters, predicted, counted, word in rows:
        assert int(letters) == len(word) and predicted == counted
        if len(word) >= 4:
            assert int(counted) == 4 * len(word) - 6
    assert "banana: 18 n-grams, 17 different (repeated: ana x2)\n  18 rows looked up, 17 different" in out
    assert out == recorded_output("fasttext/exercise_ngram_count.py")


def test_exercise_unseen_word(run_snippet, recorded_output):
    out = run_snippet("fasttext/exercise_unseen_word.py")
    assert re.search(r"^none of .* occurs in the corpus: True$", out, re.MULTILINE)
    found = {w: (int(seen), int(total), rest) for w, seen, total, rest in
             re.findall(r"^(\w+): (\d+) of (\d+) n-grams seen in the vocabulary; (.*)$", out, re.MULTILINE)}
    assert len(found) == 5
    assert found["presidentially"][:2] == (50, 50) and found["presidentially"][2].startswith("'presidential'")
    assert "'kindness'" in found["unkindness"][2] and "'bicycle'" in found["bicycling"][2]
    seen, total, best = found["googling"]
    assert 0.35 < 1 - seen / total < 0.65 and best.startswith("'struggling'")  # about half its n-grams unseen
    assert found["qwzx"][:2] == (0, 10) and found["qwzx"][2] == "no word shares any"
    assert out == recorded_output("fasttext/exercise_unseen_word.py")


def test_exercise_buckets(run_snippet, recorded_output):
    """The buckets in use match the formula for random hashing; with 200,000 buckets about a third of the n-grams
    share their row, with 2,000,000 a few per cent."""
    out = run_snippet("fasttext/exercise_buckets.py")
    assert "the same rows as gensim's for 'where': True" in out
    rows = re.findall(r"([\d,]+) buckets: ([\d,]+) in use \(expected ([\d,]+)\); ([\d.]+)% of the n-grams", out)
    assert len(rows) == 2
    for buckets, used, expected, shared in rows:
        used, expected = int(used.replace(",", "")), int(expected.replace(",", ""))
        assert abs(used - expected) < 500  # within a few hundred
    assert 30 < float(rows[0][3]) < 37 and 3 < float(rows[1][3]) < 5  # a third; about 4%
    assert out == recorded_output("fasttext/exercise_buckets.py")
