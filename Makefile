# Chorus. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Each target names its settings: an exported default would leak into the test run.

.DEFAULT_GOAL := help
.PHONY: help run test test-services test-e2e lint format check bench clean

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

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
	DJANGO_SETTINGS_MODULE=portal.settings.dev $(BIN)/python manage.py seed_demo
	@echo "Chorus is at http://$(HOST):$(PORT)/ (Ctrl+C stops it)"
	DJANGO_SETTINGS_MODULE=portal.settings.dev $(BIN)/daphne -b $(HOST) -p $(PORT) portal.asgi:application

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

bench: $(VENV)/.installed-test ## Measure the hot paths beside their floors (writes bench/results.json)
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python -m bench

clean: ## Remove the virtualenv and the local database
	rm -rf $(VENV) db
