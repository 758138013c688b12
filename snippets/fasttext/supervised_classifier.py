"""fastText's classifier (Joulin et al. 2017) in Keras: the vectors of a text's words and word pairs, averaged, then
one linear unit. The pairs (bigrams) are hashed into a fixed number of rows, the hashing trick; the same model on
words alone is trained beside it, on Pang & Lee's sentence polarity data, over three seeds (one with --small, what
the tests do)."""

import argparse
import sys
import zipfile

import keras
import nltk
import numpy as np


def review_sentences() -> tuple[list[list[str]], list[int]]:
    """Pang and Lee's 10,662 movie-review sentences (NLTK's sentence_polarity), tokenized, and their labels
    (1 = positive). NLTK reads them from its data folders (or the folder that NLTK_DATA names) and downloads them
    there on first use."""
    try:
        nltk.data.find("corpora/sentence_polarity.zip")
    except LookupError:
        nltk.download("sentence_polarity", quiet=True)  # prints why, if it cannot
    except zipfile.BadZipFile:
        pass  # a damaged file: reported when it is read below
    try:
        positive = list(nltk.corpus.sentence_polarity.sents(categories="pos"))
        negative = list(nltk.corpus.sentence_polarity.sents(categories="neg"))
    except (LookupError, OSError, zipfile.BadZipFile) as error:
        sys.exit(f"error: cannot read NLTK's sentence_polarity corpus ({type(error).__name__}); run `python -m "
                 "nltk.downloader sentence_polarity`, or set NLTK_DATA to a folder with corpora/sentence_polarity.zip")
    return positive + negative, [1] * len(positive) + [0] * len(negative)


parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--small", action="store_true", help="one seed instead of three")
args = parser.parse_args()

DIM, LENGTH, BUCKETS, EPOCHS = 10, 50, 2**18, 5  # fastText's defaults for classification: 10 dimensions, 5 epochs
sentences, labels = review_sentences()
labels = np.array(labels)
order = np.random.default_rng(0).permutation(len(sentences))
train, test = order[: int(0.8 * len(order))], order[int(0.8 * len(order)) :]

words = keras.layers.TextVectorization(max_tokens=20000, output_sequence_length=LENGTH, standardize=None)
words.adapt([" ".join(sentences[i]) for i in train])  # word ids: vocabulary of the training split; 0 pads
word_ids = keras.ops.convert_to_numpy(words([" ".join(s) for s in sentences]))

# Every pair of neighbouring words as one string, padded with "": Hashing sends "" to 0 and the pairs to 1..BUCKETS,
# so two pairs share a row only when their hashes collide; no vocabulary of pairs is ever built.
pairs = np.full((len(sentences), LENGTH), "", dtype=object)
for row, s in enumerate(sentences):
    found = [f"{a} {b}" for a, b in zip(s, s[1:])][:LENGTH]
    pairs[row, : len(found)] = found
pair_ids = keras.ops.convert_to_numpy(keras.layers.Hashing(num_bins=BUCKETS, mask_value="")(pairs))


def classifier(with_pairs: bool) -> keras.Model:
    word_in = keras.Input(shape=(LENGTH,), dtype="int32")
    vectors = [keras.layers.Embedding(words.vocabulary_size(), DIM, mask_zero=True)(word_in)]
    inputs = [word_in]
    if with_pairs:
        pair_in = keras.Input(shape=(LENGTH,), dtype="int32")
        vectors.append(keras.layers.Embedding(BUCKETS + 1, DIM, mask_zero=True)(pair_in))
        inputs.append(pair_in)
    joined = keras.layers.Concatenate(axis=1)(vectors) if with_pairs else vectors[0]
    average = keras.layers.GlobalAveragePooling1D()(joined)  # the mask leaves the padding out of the average
    model = keras.Model(inputs, keras.layers.Dense(1, activation="sigmoid")(average))  # one linear unit
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="binary_crossentropy", metrics=["accuracy"])
    return model


for with_pairs in (False, True):
    accuracies = []
    for seed in (0,) if args.small else (0, 1, 2):
        keras.utils.set_random_seed(seed)
        model = classifier(with_pairs)
        x = [word_ids, pair_ids] if with_pairs else [word_ids]
        model.fit([a[train] for a in x], labels[train], epochs=EPOCHS, batch_size=32, verbose=0)
        accuracies.append(model.evaluate([a[test] for a in x], labels[test], verbose=0)[1])
    name = "words and hashed word pairs" if with_pairs else "words only"
    spread = f" ± {np.std(accuracies, ddof=1):.3f}" if len(accuracies) > 1 else ""
    print(f"{name:<28} held-out accuracy {np.mean(accuracies):.3f}{spread} "
          f"(seeds: {', '.join(f'{a:.3f}' for a in accuracies)})")
