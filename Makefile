# Two commands set up everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLE := src/warta/data/sample

.PHONY: demo test lint clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: $(BIN)/.installed  ## set up, then analyze the seed article and the bundled sample
	$(BIN)/warta analyze --format pretty $(SAMPLE)/seed-jagatbisnis-rusia-korut.txt
	$(BIN)/warta analyze $(SAMPLE) > sample-output.jsonl
	@echo "analyzed the bundled sample: $$(wc -l < sample-output.jsonl) articles in sample-output.jsonl"

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy

test: lint  ## set up, lint, type-check and run the whole test suite
	bash scripts/install-browser.sh
	$(BIN)/pytest

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache sample-output.jsonl
