"""fastText represents a word by its character n-grams: written by hand, then compared with gensim's own list."""

from gensim.models.fasttext_inner import compute_ngrams


def char_ngrams(word, min_n=3, max_n=6):
    """All n-grams of '<word>' for n in min_n..max_n; the brackets mark the start and the end of the word."""
    marked = f"<{word}>"
    return [marked[i : i + n] for n in range(min_n, max_n + 1) for i in range(len(marked) - n + 1)]


for word in ["where", "himalaya"]:
    ours = char_ngrams(word)
    print(f"{word}: {len(ours)} n-grams, e.g. {ours[:6]}")
    print("  same set as gensim's compute_ngrams:", sorted(ours) == sorted(compute_ngrams(word, 3, 6)))

# "<her>" (the word "her") and "her" (an n-gram inside "where") are different strings, so they get different vectors.
print("'<her>' in n-grams of 'where':", "<her>" in char_ngrams("where"), "  'her':", "her" in char_ngrams("where"))
