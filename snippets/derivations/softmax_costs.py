"""Full softmax, hierarchical softmax and negative sampling: one SGD update of each, written in NumPy.

For the Brown corpus's vocabulary (words seen at least 5 times), counts the dot products each update computes and the
rows of the output table it changes, times the updates on (word, next word) pairs of the corpus, and checks which
of the three defines a probability distribution over the vocabulary.
"""

import collections
import heapq
import sys
import time
import zipfile

import nltk
import numpy as np

DIM, K, MIN_COUNT, LR = 100, 5, 5, 0.025


def brown_sentences() -> list[list[str]]:
    """The Brown corpus, about a million words: one list of lowercase words per sentence. NLTK reads it from its
    data folders (or the folder that NLTK_DATA names) and downloads it there on first use."""
    try:
        nltk.data.find("corpora/brown.zip")
    except LookupError:
        nltk.download("brown", quiet=True)  # prints why, if it cannot
    except zipfile.BadZipFile:
        pass  # a damaged file: reported when it is read below
    try:
        sentences = [[w.lower() for w in s if w.isalpha()] for s in nltk.corpus.brown.sents()]
    except (LookupError, OSError, zipfile.BadZipFile) as error:
        sys.exit(f"error: cannot read NLTK's Brown corpus ({type(error).__name__}); run "
                 "`python -m nltk.downloader brown`, or set NLTK_DATA to a folder holding corpora/brown.zip")
    return [s for s in sentences if s]


def huffman_paths(counts: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """word2vec's tree: a Huffman code over the word counts, so frequent words get short paths. For each word, the
    inner nodes on its path from the root (rows of the node table, V - 1 of them) and the branch taken at each."""
    heap = [(c, i) for i, c in enumerate(counts)]
    heapq.heapify(heap)
    parent, branch = {}, {}
    next_id = len(counts)
    while len(heap) > 1:
        (c1, a), (c2, b) = heapq.heappop(heap), heapq.heappop(heap)
        parent[a], branch[a], parent[b], branch[b] = next_id, 0, next_id, 1
        heapq.heappush(heap, (c1 + c2, next_id))
        next_id += 1
    root, nodes, codes = next_id - 1, [], []
    for word in range(len(counts)):
        path, code, n = [], [], word
        while n != root:
            path.append(parent[n] - len(counts))  # inner nodes numbered 0 .. V - 2
            code.append(branch[n])
            n = parent[n]
        nodes.append(np.array(path[::-1]))
        codes.append(np.array(code[::-1]))
    return nodes, codes


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


# --8<-- [start:updates]
def full_softmax(W, out, t, o):
    """-log softmax(out @ W[t])[o]: one score per word of the vocabulary, and every row of `out` changes."""
    h = W[t].copy()
    scores = out @ h  # V dot products
    p = np.exp(scores - scores.max())
    p /= p.sum()
    p[o] -= 1  # gradient of the loss with respect to the scores
    W[t] -= LR * (p @ out)
    out -= LR * np.outer(p, h)  # V rows
    return len(out)


def hierarchical_softmax(W, nodes_table, t, o, nodes, codes):
    """-log of the product of the binary decisions on o's path through the tree: one score per inner node."""
    h, path = W[t].copy(), nodes[o]
    scores = nodes_table[path] @ h  # len(path) dot products
    g = sigmoid(scores) - (1 - codes[o])  # branch 0 is "go left", scored by sigmoid(score)
    W[t] -= LR * (g @ nodes_table[path])
    np.subtract.at(nodes_table, path, LR * np.outer(g, h))  # as below: the two cheap updates, written alike
    return len(path)


def negative_sampling(W, out, t, o, noise):
    """-log sigmoid(c_o.h) - sum of log sigmoid(-c_n.h) over K noise words: K + 1 scores."""
    h, rows = W[t].copy(), np.concatenate([[o], noise])
    scores = out[rows] @ h  # K + 1 dot products
    g = sigmoid(scores) - np.r_[1.0, np.zeros(K)]
    W[t] -= LR * (g @ out[rows])
    np.subtract.at(out, rows, LR * np.outer(g, h))  # a noise word drawn twice gets both updates
    return len(rows)
# --8<-- [end:updates]


sentences = brown_sentences()
counts = collections.Counter(w for s in sentences for w in s)
words = [w for w, c in counts.most_common() if c >= MIN_COUNT]
index = {w: i for i, w in enumerate(words)}
V = len(words)
count = np.array([counts[w] for w in words], dtype=float)
nodes, codes = huffman_paths(count)
lengths = np.array([len(p) for p in nodes])
print(f"vocabulary V = {V:,} words, {DIM} dimensions, k = {K} noise words")
print(f"Huffman tree: paths of {lengths.min()} to {lengths.max()} inner nodes, log2 V = {np.log2(V):.1f}; mean path "
      f"{lengths.mean():.1f}\n  over the words of the vocabulary, {np.average(lengths, weights=count):.1f} over the "
      "words of the running text")

# (word, next word) pairs of the running text, words outside the vocabulary dropped
ids = [[index[w] for w in s if w in index] for s in sentences]
pairs = np.array([(a, b) for s in ids for a, b in zip(s, s[1:])])
rng = np.random.default_rng(0)
pairs = pairs[rng.permutation(len(pairs))]
p_noise = count**0.75 / (count**0.75).sum()
W = (rng.random((V, DIM)) - 0.5) / DIM
tables = {"full softmax": np.zeros((V, DIM)), "hierarchical softmax": np.zeros((V - 1, DIM)),
          "negative sampling": np.zeros((V, DIM))}
runs = {"full softmax": 100, "hierarchical softmax": 10_000, "negative sampling": 10_000}
noise = rng.choice(V, size=(10_000, K), p=p_noise)

def update(name, table, step, t, o) -> int:
    """One update of the named method on the pair (t, o); returns how many dot products it computed."""
    if name == "full softmax":
        return full_softmax(W, table, t, o)
    if name == "hierarchical softmax":
        return hierarchical_softmax(W, table, t, o, nodes, codes)
    return negative_sampling(W, table, t, o, noise[step])


print(f"\n{'one update':>20} {'dot products':>13} {'output rows changed':>20} {'microseconds':>13}")
cost = {}
for name, n in runs.items():
    table = tables[name]
    dots = changed = 0
    for step, (t, o) in enumerate(pairs[:100]):  # the first 100 pairs: what each update computes and changes
        before = table.copy()
        dots += update(name, table, step, t, o)
        changed += np.any(table != before, axis=1).sum()
    best = np.inf
    for repeat in range(3):  # n pairs timed three times; the fastest is the least disturbed by other programs
        start = time.perf_counter()
        for step, (t, o) in enumerate(pairs[:n]):
            update(name, table, step, t, o)
        best = min(best, (time.perf_counter() - start) / n)
    cost[name] = best
    print(f"{name:>20} {dots / 100:13,.1f} {changed / 100:20,.1f} {best * 1e6:13,.1f}")
slower = {name: cost["full softmax"] / cost[name] for name in ("hierarchical softmax", "negative sampling")}
print(f"full softmax took {slower['hierarchical softmax']:,.0f} times as long as hierarchical softmax,")
print(f"  {slower['negative sampling']:,.0f} times as long as negative sampling")

# Which of the three is a probability distribution over the V words, for one input vector h?
h = rng.normal(0, 1, DIM)
out, node_table = rng.normal(0, 0.1, (V, DIM)), rng.normal(0, 0.1, (V - 1, DIM))
scores = out @ h
softmax = np.exp(scores - scores.max()) / np.exp(scores - scores.max()).sum()
node_scores = node_table @ h
tree = np.array([np.prod(sigmoid(np.where(codes[o] == 0, 1, -1) * node_scores[nodes[o]])) for o in range(V)])
print("\nsum over the V words, for a random input vector and random output tables:")
print(f"  full softmax, softmax(c_o.h):                {softmax.sum():.6f}")
print(f"  hierarchical softmax, product along the path: {tree.sum():.6f}")
print(f"  negative sampling, sigmoid(c_o.h):            {sigmoid(scores).sum():,.1f}")
