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
