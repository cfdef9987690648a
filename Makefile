# Two commands on a fresh machine with nothing but Python 3.11+:
#   make run   — ingest samples/ into data/samples.duckdb and print a summary
#   make test  — run the test suite (as root on Debian/Ubuntu it first installs Chromium,
#                LibreOffice and a Chinese font; elsewhere the tests that need them skip, with a reason)
# and: make check (ruff + mypy), make bench (quick benchmarks; `make bench-full` for the README's sizes),
#      make samples (regenerate samples/; the .doc renderings need LibreOffice)
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test check bench bench-full clean samples system-deps

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	mkdir -p data
	$(BIN)/minsheng ingest samples --db data/samples.duckdb

system-deps:
	@bash .ci/system-deps

# Without Chromium the browser tests are switched off on purpose (they fail rather than skip when
# a browser is expected but missing, so that CI never passes without them).
test: $(STAMP) system-deps
	@if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || [ -n "$$MINSHENG_CHROMIUM" ]; then \
		$(BIN)/python -m pytest -rs tests; \
	else \
		echo "make test: no Chromium — tests/test_web_e2e.py skips (MINSHENG_NO_BROWSER=1)"; \
		MINSHENG_NO_BROWSER=1 $(BIN)/python -m pytest -rs tests; \
	fi

check: $(STAMP)
	$(BIN)/ruff check pipeline extractors gazetteer tests
	$(BIN)/mypy pipeline extractors gazetteer

samples: $(STAMP)
	$(BIN)/python samples/make_samples.py
	$(BIN)/python samples/make_conflict.py

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

bench-full: $(STAMP)
	$(BIN)/python benchmarks/run_all.py --full

clean:
	rm -rf $(VENV) data .pytest_cache
