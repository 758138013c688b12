"""The site's experiments on real data; run them with ``python -m embedlab.experiments``.

Registering an experiment is one line in ``registry.SLUGS`` (in the order the site reads them). The list lives there,
not here: every experiment module imports this package, so this file's code is part of every experiment's results
key, and a new experiment must not make every other result stale. Its slug names everything
about it: the module ``embedlab/experiments/SLUG.py``, its results ``docs/results/SLUG.json``, its figure
``docs/figures/SLUG.svg``, its test ``tests/experiments/test_SLUG.py`` and its page ``docs/experiments/PAGE.md``,
where PAGE is the slug with ``-`` for ``_`` (pages use hyphens in their URLs). An experiment module defines:

- ``TITLE`` and ``QUESTION``: the page's title and the question it answers (the experiments index lists them);
- ``FULL`` and ``QUICK``: dicts of its settings (seeds, sizes, epochs...) for full runs and for the tests' quick runs;
  the run object hands the right one to ``run`` as ``r.settings``;
- ``run(r) -> dict``: trains and measures, draws its figure with ``r.save_figure(fig)`` and returns the results,
  which ``runs.write_results`` stores with a key over the module's code (and all package code it imports), its
  settings and the data checksums. A page reads them as ``results.SLUG...`` (see embedlab/site/macros.py);
- or, instead of ``run``, an experiment made of independent parts: ``PARTS``, the name of a settings list (its
  tasks, say), ``run_part(r, value) -> dict`` for one value, and ``combine(r, {value: part}) -> dict``, which draws
  the figure and returns the results. The runner runs each part as its own piece of work (``--jobs`` shares them
  out) and combines them when the last is back.
"""
