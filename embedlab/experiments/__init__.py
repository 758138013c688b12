"""The site's experiments on real data; run them with ``python -m embedlab.experiments``."""

from embedlab.experiments import headlines, little_data, maps, movement, supervised, two_spaces

EXPERIMENTS = {module.NAME: module for module in (supervised, two_spaces, headlines, little_data, movement, maps)}
