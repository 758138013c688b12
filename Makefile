# Two commands set up a fresh machine: `make serve` (install, build and serve the site), `make test` (install, run all tests).
VENV := .venv
PYTHON := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve build test outputs

$(VENV)/.installed: requirements.txt constraints.txt pyproject.toml
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --disable-pip-version-check -r requirements.txt -c constraints.txt
	$(PYTHON) -m pip install --disable-pip-version-check --no-deps -e .
	touch $@

install: $(VENV)/.installed

serve: install
	$(VENV)/bin/mkdocs serve

build: install
	$(VENV)/bin/mkdocs build --strict

test: install
	$(PYTHON) -m pytest

# Rerun every snippet with its full settings and record what it prints for the pages (about 2 minutes).
outputs: install
	$(PYTHON) -m embedlab.snippets
