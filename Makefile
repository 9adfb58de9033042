# Newsroom: `make run` to try it, `make test` to check it. Both set everything up themselves.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.12 2>/dev/null || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# `make run PORT=8001` (or HOST=0.0.0.0 to be reached from other machines).
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help setup browser-deps cluster-deps bench-deps bench-budgets run test test-fast test-cluster lint migrate worker db-stop clean

help:
	@echo "make run    set up, migrate, load the demo newsroom and serve http://127.0.0.1:8000 (PORT=8001 for another port)"
	@echo "make test   set up and run every check: ruff, migrations, the test suite"
	@echo "make test-fast   the suite without the slow (browser and scale) tests"
	@echo "make test-cluster   two app nodes, two workers, a replica, Redis and S3 on loopback"
	@echo "make bench-budgets   issue 13's budget table at 100,000 articles (DATABASE_URL: a PostgreSQL server)"

# One line per step; pip itself stays quiet unless something fails.
$(STAMP): pyproject.toml
	@echo "setup: checking for Python 3.12 ($(PYTHON))"
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 12) else "Newsroom needs Python 3.12; found " + sys.version.split()[0] + ". Set PYTHON=/path/to/python3.12.")'
	@echo "setup: creating the virtual environment in $(VENV)"
	@$(PYTHON) -m venv $(VENV)
	@echo "setup: upgrading pip"
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	@echo "setup: installing Newsroom and its pinned packages (pyproject.toml; a few minutes the first time)"
	@$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	@touch $(STAMP)
	@echo "setup: Python packages installed"

setup: $(STAMP) browser-deps

# Browser tests use Debian's Chromium; Node packages (validators) come from package-lock.json.
browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "setup: installing Chromium for the browser tests (apt-get)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "Could not install chromium; browser tests will be skipped with a notice"; \
	fi
	@if [ -f package-lock.json ] && [ ! -f node_modules/.package-lock.json -o package-lock.json -nt node_modules/.package-lock.json ]; then \
	  echo "setup: installing the Node packages of the HTML and CSS validators (npm ci)"; \
	  npm ci --no-audit --no-fund --loglevel=error; \
	fi

migrate: setup
	@echo "Applying database migrations"
	@DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py migrate --noinput

# load_demo checks that HOST:PORT is free and prints the addresses runserver is about to serve.
run: migrate
	@echo "Loading the demo newsroom"
	@DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py load_demo --demo-user --address $(HOST):$(PORT)
	@DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py runserver $(HOST):$(PORT)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_DEBUG=1 $(PY) manage.py makemigrations --check --dry-run --noinput

test: lint
	$(VENV)/bin/pytest $(PYTEST_ARGS)

test-fast: setup
	$(VENV)/bin/pytest -m "not slow" $(PYTEST_ARGS)

# The cluster test (tests/cluster) runs PostgreSQL, a replica and Redis of its own: Debian's servers.
cluster-deps:
	@if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || ! command -v redis-server >/dev/null; then \
	  echo "Installing PostgreSQL and Redis servers for the cluster test (apt-get)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql redis-server >/dev/null; \
	fi

# A primary and a streaming replica, Redis, an S3 server, two app nodes and two workers, on loopback.
test-cluster: setup cluster-deps
	$(VENV)/bin/pytest tests/cluster -m cluster -p no:cacheprovider $(PYTEST_ARGS)

# bench/budgets.py: wrk (the load generator) and a private redis-server, Debian's packages.
bench-deps:
	@if ! command -v wrk >/dev/null || ! command -v redis-server >/dev/null; then \
	  echo "Installing wrk and Redis for the benchmarks (apt-get)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk redis-server >/dev/null; \
	fi

# The whole budget table in one run; the database is built first when missing (half an hour).
bench-budgets: setup bench-deps
	$(PY) bench/budgets.py --prepare $(BENCH_ARGS)

# Stop the embedded PostgreSQL (it is restarted on demand by the next command).
db-stop:
	@if [ -f var/postgres/postmaster.pid ]; then kill -INT $$(head -1 var/postgres/postmaster.pid) && echo "Embedded PostgreSQL stopped."; else echo "Embedded PostgreSQL is not running."; fi

worker: setup
	$(PY) manage.py db_worker

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles node_modules
