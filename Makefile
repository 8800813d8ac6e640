# FrontDesk: `make run` opens the program, `make test` runs the tests.
# Each target sets up what it needs: system packages (tools/system-deps.sh),
# the virtual environment in .venv, and the compiled translations.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PACKAGER := $(VENV)/.packager
QM := frontdesk/ui/i18n/frontdesk_zh_CN.qm
TS := resources/translations/frontdesk_zh_CN.ts

.PHONY: run test lint bench reliability demo translations lupdate package clean

run: $(STAMP) $(QM)
	@sh tools/system-deps.sh run
	$(BIN)/frontdesk

test: lint $(QM)
	@sh tools/system-deps.sh test
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest $(PYTEST_ARGS)

# The gate: ruff on everything, mypy --strict on core, models and services (pyproject.toml).
lint: $(STAMP)
	$(BIN)/ruff check frontdesk tests tools packaging
	$(BIN)/mypy

# The attacks of the README's reliability table (PostgreSQL too when FRONTDESK_TEST_PG_URL is set);
# RELIABILITY_ARGS=--readme rewrites the table in the README.
reliability: $(STAMP)
	$(BIN)/python -m tests.reliability $(RELIABILITY_ARGS)
	$(BIN)/python -m tests.reliability.cards_money $(filter --readme,$(RELIABILITY_ARGS))

bench: $(PACKAGER) $(QM)
	@sh tools/system-deps.sh bench
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.bench $(BENCH_ARGS)

# The installable FrontDesk (packaging/README.md): dist/FrontDesk, its archive, then the smoke
# test of the built bundle. Minutes, so not part of `make test`.
package: $(PACKAGER) $(QM)
	@sh tools/system-deps.sh package
	$(BIN)/python packaging/build.py
	$(BIN)/python packaging/smoke.py

$(PACKAGER): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[package]'
	touch $(PACKAGER)

$(STAMP): pyproject.toml
	@sh tools/system-deps.sh test >/dev/null 2>&1 || sh tools/system-deps.sh test
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

translations: $(QM)

$(QM): $(TS) $(STAMP)
	@mkdir -p $(dir $(QM))
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)

# Re-extract the strings from the UI sources into the .ts file (keeps translations).
lupdate: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $$(find frontdesk/ui -name '*.py' | sort) -ts $(TS)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache $(QM)
