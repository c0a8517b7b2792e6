# Two commands set a fresh clone up: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install lint format migrate browser clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

migrate: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable

## Serve the app with demo data on embedded defaults (SQLite, eager tasks, console email).
run: migrate
	$(PY) manage.py seed_demo
	@echo "Open http://$(HOST):$(PORT)/ and sign in with one of the accounts above."
	$(PY) manage.py runserver $(HOST):$(PORT)

## Run the whole test suite. DATABASE_URL / REDIS_URL, when set, are used; see README.md.
test: install
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache
