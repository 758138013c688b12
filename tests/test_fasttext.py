"""The fastText page: n-grams by hand versus gensim, and a vector for an unseen word rebuilt with Keras."""


def test_subword_ngrams(run_snippet, recorded_output):
    out = run_snippet("fasttext/subword_ngrams.py")
    assert out.count("same set as gensim's compute_ngrams: True") == 2
    assert "'<her>' in n-grams of 'where': False   'her': True" in out
    assert out == recorded_output("fasttext/subword_ngrams.py")


def test_gensim_fasttext_unseen_word(run_snippet):
    out = run_snippet("fasttext/gensim_fasttext.py", "--small")
    assert "'presidentially' in the vocabulary: False" in out
    assert "Keras average equals gensim's vector: True" in out
