# Chorus. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Each target names its settings: an exported default would leak into the test run.

.DEFAULT_GOAL := help

# `make run`: "check" fails clearly when the port is taken; "wait" (beside daphne, which
# replaces the shell and so is its parent) says where Chorus is once daphne accepts
# connections, and gives up quietly if daphne stops first.
define LISTENING
import os, socket, sys, time
mode, host, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
if mode == "check":
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as error:
            sys.exit(f"Cannot serve on {host}:{port} ({error.strerror}); try make run PORT={port + 1}")
    sys.exit()
parent = os.getppid()
while os.getppid() == parent:
    try:
        socket.create_connection((host, port), timeout=1).close()
    except OSError:
        time.sleep(0.2)
        continue
    print(f"Chorus is at http://{host}:{port}/ (Ctrl+C stops it)", flush=True)
    break
endef
export LISTENING
.PHONY: help run test test-services test-e2e lint format check bench clean

help: ## Show this help
	@awk -v host='$(HOST)' -v port='$(PORT)' 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {d = $$2; gsub(/\$$\(HOST\)/, host, d); gsub(/\$$\(PORT\)/, port, d); printf "  make %-14s %s\n", $$1, d}' $(MAKEFILE_LIST)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test,dev]"
	@touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run ## Serve the portal with demo content on http://$(HOST):$(PORT)
	DJANGO_SETTINGS_MODULE=portal.settings.dev $(BIN)/python manage.py migrate --no-input
	HOST=$(HOST) PORT=$(PORT) DJANGO_SETTINGS_MODULE=portal.settings.dev $(BIN)/python manage.py seed_demo
	@$(BIN)/python -c "$$LISTENING" check $(HOST) $(PORT)
	@$(BIN)/python -c "$$LISTENING" wait $(HOST) $(PORT) & \
	HOST=$(HOST) PORT=$(PORT) DJANGO_SETTINGS_MODULE=portal.settings.dev exec $(BIN)/daphne -b $(HOST) -p $(PORT) portal.asgi:application

test: $(VENV)/.installed-test ## Run the whole suite (SQLite; PostgreSQL/Redis when DATABASE_URL/REDIS_URL are set)
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/pytest

lint: $(VENV)/.installed-test ## ruff, formatting, dead code (vulture), Django checks, missing migrations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/vulture
	$(BIN)/djhtml --check $$(git ls-files '*.html')
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

format: $(VENV)/.installed-test ## Format Python and templates in place
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $$(git ls-files '*.html')

bench: $(VENV)/.installed-test ## Real daphne, hot paths beside same-run floors (SCALE=small|company|large; BENCH_DATABASE_URL, BENCH_REDIS_URL)
	DJANGO_SETTINGS_MODULE=bench.settings $(BIN)/python -m bench --scale $(or $(SCALE),small) $(BENCH_ARGS)

clean: ## Remove the virtualenv and the local database
	rm -rf $(VENV) db
