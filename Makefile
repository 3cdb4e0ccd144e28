# Every target sets up its own virtual environment on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CORE_VENV := .venv-core
CORE_PY := $(CORE_VENV)/bin/python
STAMP := $(VENV)/.installed
CORE_STAMP := $(CORE_VENV)/.installed
DEMO := .demo

.PHONY: run test test-full test-core lint bench clean setup package

setup: $(STAMP)

$(STAMP): pyproject.toml packaging/system-packages.sh
	bash packaging/system-packages.sh
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

# A second environment without PySide6 proves the core and sync layers need no Qt. Its
# tests need the system packages too (PostgreSQL for the central service's).
$(CORE_STAMP): pyproject.toml packaging/system-packages.sh
	bash packaging/system-packages.sh
	$(PYTHON) -m venv $(CORE_VENV)
	$(CORE_PY) -m pip install --quiet --upgrade pip
	$(CORE_PY) -m pip install --quiet -e '.[test]'
	touch $@

run: $(STAMP)
	$(PY) -m ui.demo --dir $(DEMO)

# The whole suite, each test once: the Qt-free core and sync tests in the environment
# without PySide6, everything else (Qt, benchmarks' smoke runs) in the full one.
test: test-core test-full

test-full: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests --ignore=tests/core --ignore=tests/sync

test-core: $(CORE_STAMP)
	@! $(CORE_PY) -c "import PySide6" 2>/dev/null || { echo "PySide6 must not be installed in $(CORE_VENV)"; exit 1; }
	$(CORE_PY) -m pytest tests/core tests/sync

lint: $(STAMP)
	$(VENV)/bin/ruff check rhi_desktop sync ui tests
	$(VENV)/bin/ruff format --check rhi_desktop sync ui tests
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m ui.translation_catalogue --check

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.benchmarks --out bench-results.json

# The frozen one-folder app and the Debian package built from it (build/package/).
package: $(STAMP)
	PYTHON=$(PY) bash packaging/build.sh

clean:
	rm -rf $(VENV) $(CORE_VENV) $(DEMO) $(DEMO)-coordinator bench-results.json test-artifacts build
