"""The code behind the site, in four layers (each imports only from those above it):

- ``store``: cache folder, hashing, atomic writes and the fingerprint every cache and results key is made with;
- ``data``: the real data files (download, verify, local copy) and their tokenised text;
- ``lab``: tasks, classifiers, word vectors and their evaluation; ``experiments``: what the pages report;
- ``site``: the snippet runner, the notebook executor, the page macros and the interactive word map.

Importing the package has no side effects; entry points that want one-line data errors call
``embedlab.data.files.report_data_errors()``.
"""
