# The front door. `make run` and `make test` work on a fresh machine with
# Python 3.11+ and make.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# PostgreSQL for the second pass of the suite; skipped when not reachable.
TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/hearthside
# pytest-xdist workers; each has its own test database, live server and browser.
TEST_WORKERS ?= 2
# The suite keeps its databases and keys apart from the data `make run` serves.
TEST_DATA_DIR ?= var/test
PYTEST := HEARTHSIDE_DATA_DIR=$(TEST_DATA_DIR) $(BIN)/pytest -n $(TEST_WORKERS)

.PHONY: run test lint fmt bench clean

$(BIN)/hearthside: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

run: $(BIN)/hearthside
	$(BIN)/hearthside migrate --verbosity 0
	$(BIN)/hearthside load-questions
	$(BIN)/hearthside demo
	$(BIN)/hearthside serve --worker

lint: $(BIN)/hearthside
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: $(BIN)/hearthside
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: lint
	@echo "The suite on SQLite, browser tests included (screenshots in test-output/)"
	$(PYTEST)
	@if $(BIN)/python -c 'import sys, psycopg; psycopg.connect(sys.argv[1], dbname="postgres", connect_timeout=3).close()' "$(TEST_POSTGRES_URL)" 2>/dev/null; then \
		echo "Again on PostgreSQL ($(TEST_POSTGRES_URL)), without the browser tests"; \
		DATABASE_URL="$(TEST_POSTGRES_URL)" $(PYTEST) -m "not browser"; \
	else \
		echo "PostgreSQL is not reachable at $(TEST_POSTGRES_URL): the PostgreSQL pass is skipped."; \
	fi

bench: $(BIN)/hearthside
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var test-output
