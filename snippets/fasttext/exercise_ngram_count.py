"""Exercise: how many n-grams (n from 3 to 6) does a word of L letters have, and are they all different?"""

import collections

from gensim.models.fasttext import ft_ngram_hashes
from gensim.models.fasttext_inner import compute_ngrams


def predicted(letters, min_n=3, max_n=6):
    """'<word>' has letters + 2 characters, so it holds letters + 3 - n n-grams of each length n (if that is > 0)."""
    return sum(max(0, letters + 3 - n) for n in range(min_n, max_n + 1))


print("letters  predicted  gensim's list")
for word in ["a", "an", "the", "what", "where", "himalaya", "internationally"]:
    print(f"{len(word):>7}  {predicted(len(word)):>9}  {len(compute_ngrams(word, 3, 6)):>13}   {word}")

for word in ["banana", "mississippi"]:
    grams = compute_ngrams(word, 3, 6)
    rows = ft_ngram_hashes(word, 3, 6, 2_000_000)  # the rows of fastText's default table of 2 million buckets
    repeated = {g: k for g, k in collections.Counter(grams).items() if k > 1}
    twice = ", ".join(f"{g} x{k}" for g, k in repeated.items())
    print(f"{word}: {len(grams)} n-grams, {len(set(grams))} different (repeated: {twice})")
    print(f"  {len(rows)} rows looked up, {len(set(rows))} different")
