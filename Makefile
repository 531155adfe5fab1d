# SkillBridge: `make demo` serves the demo programme, `make test` runs every check.
.DEFAULT_GOAL := help
SHELL := /bin/sh

VENV := .venv
BIN := $(VENV)/bin
SB := $(BIN)/skillbridge
STAMP := $(VENV)/.installed-stamp

.PHONY: help install demo serve test lint format bench load messages lock clean cluster-smoke

help:
	@echo "make demo      install, migrate, load the demo programme and serve it at http://127.0.0.1:8000"
	@echo "make test      install, then lint, check migrations and run the whole test suite"
	@echo "make bench     print the engine's and the pages' benchmark tables (needs PostgreSQL and Redis)"
	@echo "make load      a 2-minute load test of the demo grown 10 times (needs PostgreSQL and Redis)"
	@echo "make cluster-smoke  run the production recipe on loopback (needs PostgreSQL and redis-server)"
	@echo "make messages  extract and compile translations (needs GNU gettext)"
	@echo "make lock      re-pin every dependency into constraints.txt"

$(STAMP): pyproject.toml constraints.txt
	@PY=$$(scripts/find-python) && echo "Using $$PY" && \
	  { [ -x $(BIN)/python ] || "$$PY" -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

demo: install
	$(SB) migrate --noinput
	$(SB) seed_demo
	@echo "Serving SkillBridge at http://127.0.0.1:8000 (Ctrl-C stops the server and the task worker)"
	@TASKS_BACKEND=database $(SB) db_worker & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  TASKS_BACKEND=database $(SB) runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

format: install
	$(BIN)/ruff check --fix src tests
	$(BIN)/ruff format src tests

# Browser tests drive the system's Chromium. Without it they are left out,
# and the run says so; CI installs Chromium and requires them.
test: lint
	$(SB) makemigrations --check --dry-run
	@if command -v chromium >/dev/null 2>&1 || [ -n "$$SKILLBRIDGE_REQUIRE_BROWSER" ]; then \
	  $(BIN)/pytest $(PYTEST_ARGS); \
	else \
	  echo "Chromium not found: browser tests are left out (install the chromium package to run them)."; \
	  $(BIN)/pytest -m "not browser" $(PYTEST_ARGS); \
	fi

# Two web processes and two workers on PostgreSQL, Redis and SeaweedFS, as docs/operations.md says.
cluster-smoke: install
	scripts/cluster-smoke

# BENCH_SCALES=1,10,100 adds the 100x run (about ten minutes more).
BENCH_SCALES ?= 1,10
bench: install
	$(BIN)/python -m skillbridge.assignment.bench
	$(BIN)/python -m skillbridge.demo.pages_bench --scales $(BENCH_SCALES)

LOAD_SCALE ?= 10
LOAD_USERS ?= 50
LOAD_SECONDS ?= 120
load: install
	$(BIN)/python -m skillbridge.demo.load --scale $(LOAD_SCALE) --users $(LOAD_USERS) --seconds $(LOAD_SECONDS)

messages: install
	cd src/skillbridge && ../../$(SB) makemessages --locale fr --locale rw --no-obsolete \
	  --ignore '*/vendor/*' && ../../$(SB) compilemessages

lock: install
	$(BIN)/python -m pip freeze --exclude-editable --exclude pip | sort > constraints.txt

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
