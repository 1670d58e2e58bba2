# Two commands for a newcomer (see README): `make site` installs everything and builds the
# site from the bundled timeline; `make test` runs the whole test suite (as CI does).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test check serve lint bench lock golden clean browser-deps translations

SITE_STAMP := $(VENV)/.installed-site
TEST_STAMP := $(VENV)/.installed-test

# `make site` installs only what building needs (requirements-site.lock); `make test` adds the
# test tools (requirements.lock, a superset with the same versions). Both locks are compiled for
# Python 3.11.0, the lowest version supported (Debian 12 ships 3.11.2).
$(VENV)/bin/python:
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)

$(SITE_STAMP): requirements-site.lock pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-site.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(SITE_STAMP)

$(TEST_STAMP): requirements.lock $(SITE_STAMP)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	touch $(TEST_STAMP)

site: $(SITE_STAMP)
	$(BIN)/timeline build

check: $(SITE_STAMP)
	$(BIN)/timeline check

serve: $(SITE_STAMP)
	$(BIN)/timeline serve

browser-deps:
	.ci/install-browser

# One test process per core (pytest-xdist); each builds the sites its tests read.
test: $(TEST_STAMP) browser-deps
	$(BIN)/python -m pytest -n auto

lint: $(TEST_STAMP)
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/ruff format --check generator tests benchmarks
	$(BIN)/mypy

golden: $(TEST_STAMP)
	$(BIN)/python -m tests.golden

bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/scale.py

# Interface words: list every source string into the catalogue template and merge it into the
# Russian and Ukrainian catalogues (new strings arrive untranslated; see CONTRIBUTING.md).
LOCALE := generator/renderer/locale
translations: $(TEST_STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k N_ -k Nn_:1,2 --no-location --sort-output --omit-header --project desertion-timeline -o $(LOCALE)/messages.pot . 2>/dev/null
	$(BIN)/pybabel update -i $(LOCALE)/messages.pot -d $(LOCALE) --ignore-obsolete --no-fuzzy-matching

# Re-lock for the lowest supported Python with uv, which resolves for a target version (pip-tools
# resolves for the running interpreter, and picked a package that needs 3.11.5). The existing locks
# are the preferences, so only what must change changes.
LOCK_FLAGS := --python-version 3.11.0 --generate-hashes --quiet
lock: $(TEST_STAMP)
	$(BIN)/uv pip compile pyproject.toml requirements/build-backend.in --extra test $(LOCK_FLAGS) -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml requirements/build-backend.in -c requirements.lock $(LOCK_FLAGS) -o requirements-site.lock

clean:
	rm -rf site site.partial site.parts docs/generated docs/generated.partial
