"""Numbers that several experiments share, defined once."""

DIM = 100  # the vector size of every table: task-trained Embeddings and general-text vectors alike
FREQUENT = 20  # a lexicon word this often in the polarity training texts is one the polarity table could learn
