"""The lab: labelled tasks and their vocabularies, the Keras classifiers, word vectors trained on general text, and
the measures that compare spaces of vectors. Trained models and vectors are cached under the store's cache folder."""
