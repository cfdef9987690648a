# Two commands on a fresh machine with nothing but Python:
#   make run   — ingest samples/ into data/samples.duckdb and print a summary
#   make test  — run the test suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test check bench clean samples

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	mkdir -p data
	$(BIN)/minsheng ingest samples --db data/samples.duckdb

test: $(STAMP)
	$(BIN)/python -m pytest tests

check: $(STAMP)
	$(BIN)/ruff check pipeline extractors gazetteer tests
	$(BIN)/mypy pipeline extractors gazetteer

samples: $(STAMP)
	$(BIN)/python samples/make_samples.py

bench: $(STAMP)
	$(BIN)/python benchmarks/extract_bench.py
	$(BIN)/python benchmarks/coverage.py samples/corpus

clean:
	rm -rf $(VENV) data .pytest_cache
