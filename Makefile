# Developer commands (DESIGN.md contract): setup, demo, test, lint, bench; plus stack, stack-test.
SHELL := /bin/bash
PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")
VENV := .venv
BIN := $(VENV)/bin
DEMO_WAREHOUSE ?= data/ceasefire.duckdb
export CEASEFIRE_LOCK_TIMEOUT ?= 60

.PHONY: setup browser demo test lint format bench stack stack-test clean

setup: $(VENV)/.synced

$(VENV)/.synced: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen --python 3.11
	@touch $@

demo: setup
	@mkdir -p data
	$(BIN)/ceasefire run --replay sample --since 2025-03-01 --date 2025-06-03 --warehouse $(DEMO_WAREHOUSE)
	@echo; echo "== articles per day (relevant, near-duplicates counted once)"
	@$(BIN)/ceasefire query --warehouse $(DEMO_WAREHOUSE) --format table \
		"SELECT day, articles, outlets, duplicates FROM daily_coverage ORDER BY day"
	@echo; echo "== top speakers"
	@$(BIN)/ceasefire query --warehouse $(DEMO_WAREHOUSE) --format table \
		"SELECT speaker, sum(quotes) AS quotes, sum(articles) AS articles, max(outlets) AS outlets FROM top_speakers GROUP BY speaker ORDER BY quotes DESC, speaker LIMIT 10"
	@echo; echo "== events by type"
	@$(BIN)/ceasefire query --warehouse $(DEMO_WAREHOUSE) --format table \
		"SELECT event_type, sum(events) AS events, sum(mentions) AS mentions FROM events_by_type_daily GROUP BY event_type ORDER BY events DESC"
	@echo; echo "== warehouse totals"
	@$(BIN)/ceasefire query --warehouse $(DEMO_WAREHOUSE) --format table \
		"SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FILTER (WHERE relevant) FROM articles) AS relevant, (SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM events) AS events, (SELECT count(DISTINCT outcome) FROM fetches) AS fetch_outcomes"

# Headless Chromium (Debian's package) for the report's browser test; skipped where apt-get is unavailable.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } ; } || \
	  echo "chromium not installed: the report's browser test will be skipped"

test: setup browser
	$(BIN)/pytest -q

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: setup
	@mkdir -p bench/results
	@for b in bench/*/run.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

stack: setup
	$(BIN)/python scripts/stack.py run

stack-test: setup
	$(BIN)/pytest -q tests/stack

clean:
	rm -rf data .pytest_cache .ruff_cache
