# Two commands set up a fresh machine: `make serve` (install, build and serve the site), `make test` (install, run all tests).
VENV := .venv
PYTHON := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: install data browser serve build test outputs figures figures-quick check-figures

# Offline, EMBEDLAB_DATA names a local copy of the data (see README). The snippets and notebooks load data the way a
# reader's copy does, through NLTK and Keras's get_file; they read the same copy: NLTK through NLTK_DATA, get_file
# through a Keras cache folder that `data` fills from it.
ifdef EMBEDLAB_DATA
export NLTK_DATA ?= $(EMBEDLAB_DATA)/nltk_data
export KERAS_HOME ?= $(CURDIR)/.cache/keras
endif

$(VENV)/.installed: requirements.txt constraints.txt pyproject.toml
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --disable-pip-version-check -r requirements.txt -c constraints.txt
	$(PYTHON) -m pip install --disable-pip-version-check --no-deps -e .
	touch $@

install: $(VENV)/.installed data

data:
ifdef EMBEDLAB_DATA
	@mkdir -p "$(KERAS_HOME)/datasets" && cp -f "$(EMBEDLAB_DATA)"/clickbait/*.gz "$(KERAS_HOME)/datasets/"
endif

serve: install
	$(VENV)/bin/mkdocs serve

build: install
	$(VENV)/bin/mkdocs build --strict

# The browser tests need Debian's Chromium: install it as root or with passwordless sudo, else they are skipped.
# This step never fails the build.
CHROMIUM := $(or $(EMBEDLAB_CHROMIUM),/usr/bin/chromium)
APT := env DEBIAN_FRONTEND=noninteractive apt-get -qq -o=Dpkg::Use-Pty=0
browser:
	@test -x $(CHROMIUM) && exit 0; \
	if [ "$$(id -u)" = 0 ]; then sudo=; elif sudo -n true 2>/dev/null; then sudo="sudo -n"; \
	else echo "$(CHROMIUM) is missing and apt-get needs root: the browser tests will be skipped"; exit 0; fi; \
	echo "installing chromium for the browser tests"; \
	$$sudo $(APT) install -y chromium >/dev/null 2>&1 || { $$sudo $(APT) update && $$sudo $(APT) install -y chromium; } \
	|| echo "could not install chromium: the browser tests will be skipped"

test: install browser
	$(PYTHON) -m pytest

# Rerun every snippet with its full settings and record what it prints for the pages (about 16 minutes: each runs twice).
outputs: install
	$(PYTHON) -m embedlab.site.snippets

# Rerun the experiments whose code or data changed and rewrite docs/results and docs/figures (full run: see README).
# JOBS experiments run side by side, each in its own process (2 suits 2 cores).
JOBS ?= 2
figures: install
	$(PYTHON) -m embedlab.experiments run --jobs $(JOBS)

# The same experiments with small settings, written under .cache/quick/ (what the tests run).
figures-quick: install
	$(PYTHON) -m embedlab.experiments run --quick --jobs $(JOBS)

# Rerun the full experiments in a scratch folder and compare with the committed results.
check-figures: install
	$(PYTHON) -m embedlab.experiments check --jobs $(JOBS)
