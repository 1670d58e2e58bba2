# Two commands for a newcomer (see README): `make site` installs everything and builds the
# site from the bundled timeline; `make test` runs the whole test suite (as CI does).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test check serve lint bench lock golden clean browser-deps

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/timeline build

check: $(STAMP)
	$(BIN)/timeline check

serve: $(STAMP)
	$(BIN)/timeline serve

browser-deps:
	.ci/install-browser

test: $(STAMP) browser-deps
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/ruff format --check generator tests benchmarks
	$(BIN)/mypy

golden: $(STAMP)
	$(BIN)/python -m tests.golden

bench: $(STAMP)
	$(BIN)/python benchmarks/scale.py

lock: $(STAMP)
	$(BIN)/pip-compile --quiet --generate-hashes --extra=test --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

clean:
	rm -rf site site.partial docs/generated docs/generated.partial
