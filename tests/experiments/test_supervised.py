"""The supervised page: clickbait is easy for an averaging Embedding classifier, sentence polarity is not."""

def test_supervised_clickbait_is_easy_polarity_is_not(results):
    tasks = results["supervised"]["tasks"]
    assert tasks["clickbait"]["accuracy"]["mean"] > 0.95
    assert tasks["polarity"]["accuracy"]["mean"] < tasks["clickbait"]["accuracy"]["mean"] - 0.1
    assert tasks["polarity"]["accuracy"]["mean"] > 0.65
