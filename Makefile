# Two commands set a fresh clone up: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

# pytest-xdist workers for `make test` / `make coverage`: auto is one per core, 0 runs in one process.
TEST_WORKERS ?= auto
# Every runtime and dev dependency, pinned; `make lock` regenerates it from pyproject.toml.
LOCK := requirements.lock
UV_VERSION ?= 0.13.9

.PHONY: run test coverage install lock lint format migrate browser clean

# Only pip is needed: the lock names every package, so nothing is resolved here, and `pip check`
# fails when pyproject.toml asks for something the lock lacks (run `make lock`).
$(VENV)/.installed: pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --no-deps -r $(LOCK)
	$(PY) -m pip install --quiet --no-deps -e .
	$(PY) -m pip check
	touch $@

install: $(VENV)/.installed

## Re-resolve requirements.lock from pyproject.toml with uv (in a throwaway venv), keeping the
## current pins where they still fit: LOCK_ARGS=--upgrade moves everything to the newest allowed,
## LOCK_ARGS="--upgrade-package django" one package.
lock:
	@tmp="$$(mktemp -d)" && trap 'rm -rf "$$tmp"' EXIT && \
	$(PYTHON) -m venv "$$tmp" && "$$tmp/bin/python" -m pip install --quiet uv==$(UV_VERSION) && \
	"$$tmp/bin/uv" pip compile pyproject.toml --extra dev --universal --python-version 3.11 \
		--custom-compile-command "make lock" --quiet --output-file $(LOCK) $(LOCK_ARGS)

migrate: install
	$(PY) manage.py migrate --noinput

## Serve the app with demo data on embedded defaults (SQLite, eager tasks, console email), on
## HOST:PORT (PORT=8001 make run). Links in emails follow them unless SITE_URL is given.
run: export SITE_URL ?= http://$(HOST):$(PORT)
run: migrate
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver $(HOST):$(PORT)

## Run the whole test suite, one pytest-xdist worker per core. DATABASE_URL / REDIS_URL, when set,
## are used; see README.md.
test: install
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

## The test suite with branch coverage: a summary here, the full report in test-artifacts/coverage/.
coverage: install
	$(PY) -m pytest -n $(TEST_WORKERS) --cov --cov-report=term:skip-covered \
		--cov-report=html:test-artifacts/coverage $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm staticfiles .pytest_cache test-artifacts
