# Two commands set up everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLE := src/warta/data/sample
CORPUS := src/warta/data/corpus

.PHONY: demo test lint clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: $(BIN)/.installed  ## set up; read the seed; build a database from the bundled corpus; report
	$(BIN)/warta analyze --format pretty $(SAMPLE)/seed-jagatbisnis-rusia-korut.txt
	$(BIN)/warta ingest --db demo.duckdb $(SAMPLE) $(CORPUS)
	$(BIN)/warta report --db demo.duckdb --dyad RUS PRK

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy

test: lint  ## set up, lint, type-check and run the whole test suite
	bash scripts/install-browser.sh
	$(BIN)/pytest

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache demo.duckdb
