# OpenCUS tasks. `make` lists them. Quick start: `make run`, then `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV   := .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1
PORT   ?= 8000
# Parallel test workers; CI machines have 2 cores.
JOBS   ?= 2
PYTEST := $(PY) -m pytest -p xdist -n $(JOBS) -q

export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help
help: ## list the tasks
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-18s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.lock
	@test -x $(PY) || "$$(scripts/find-python)" -m venv $(VENV)
	@# pyenv's 3.12 ships pip 23.2, which refuses hashed locks with extras (fonttools[woff]).
	$(PY) -m pip install --quiet --disable-pip-version-check 'pip==25.3' 2>&1 | { grep -v "is ignored" || true; }
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock 2>&1 | { grep -v "is ignored" || true; }
	@$(PY) -c "import django, pytest" # fail here, not later, if the install did not work
	@touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || scripts/system-deps
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

.PHONY: install
install: $(VENV)/.installed ## create the virtualenv and install the locked Python packages

.PHONY: system-deps
system-deps: ## install missing Debian packages (gettext, postgresql, chromium, WeasyPrint libs)
	@scripts/system-deps

.PHONY: messages
messages: $(VENV)/.installed ## compile the translations (.po -> .mo)
	@command -v msgfmt >/dev/null || scripts/system-deps
	@$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v0

.PHONY: makemessages
makemessages: $(VENV)/.installed ## extract new strings into locale/pl/LC_MESSAGES/django.po
	$(PY) manage.py makemessages -l pl --no-obsolete --ignore=.venv --ignore=node_modules --ignore=var --add-location file

.PHONY: setup
setup: $(VENV)/.installed messages ## install, compile translations, migrate the database
	@$(PY) manage.py migrate --no-input -v0

.PHONY: demo
demo: setup ## load the demo region (idempotent) and print the demo logins
	@$(PY) manage.py load_demo

.PHONY: run
run: setup ## set up, load the demo region, and serve on http://$(HOST):$(PORT)
	@$(PY) manage.py collectstatic --no-input -v0
	@$(PY) manage.py load_demo
	@echo
	@echo "OpenCUS is at http://$(HOST):$(PORT)/  (Ctrl+C to stop)"
	@PY=$(PY) HOST=$(HOST) PORT=$(PORT) scripts/serve

.PHONY: worker
worker: setup ## run the background task worker
	$(PY) manage.py db_worker

.PHONY: lint
lint: $(VENV)/.installed ## ruff lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

.PHONY: fix
fix: $(VENV)/.installed ## ruff autofix and format
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

.PHONY: typecheck
typecheck: $(VENV)/.installed ## mypy with django-stubs on services, selectors and core
	$(VENV)/bin/mypy

.PHONY: check-migrations
check-migrations: $(VENV)/.installed ## fail if models and migrations differ
	$(PY) manage.py makemigrations --check --dry-run -v1

.PHONY: check
check: lint typecheck check-migrations ## lint, types, migrations, Django system checks
	$(PY) manage.py check --fail-level WARNING

.PHONY: test-sqlite
test-sqlite: $(VENV)/.installed messages ## the whole suite on SQLite (without browser tests)
	@echo "=== suite on SQLite ==="
	env -u DATABASE_URL $(PYTEST) -m "not browser"

.PHONY: test-postgres
test-postgres: $(VENV)/.installed messages ## the whole suite on a throwaway PostgreSQL
	@echo "=== suite on PostgreSQL ==="
	scripts/with-postgres $(PYTEST) -m "not browser"

.PHONY: test-browser
test-browser: $(VENV)/.installed node_modules/.installed messages ## browser tests in headless Chromium, with axe-core
	@echo "=== browser tests (Chromium, axe-core) ==="
	env -u DATABASE_URL $(PYTEST) -m browser

.PHONY: test
test: system-deps $(VENV)/.installed node_modules/.installed messages check test-sqlite test-postgres test-browser ## everything CI runs
	@echo "=== all suites passed: SQLite, PostgreSQL, browser ==="

.PHONY: lock
lock: $(VENV)/.installed ## recompile requirements.lock from pyproject.toml (with uv)
	UV_PYTHON_DOWNLOADS=never $(VENV)/bin/uv pip compile pyproject.toml --group dev --python-version 3.12 \
	  --generate-hashes --no-header -o requirements.lock

.PHONY: clean
clean: ## remove the virtualenv, node_modules and local data (var/)
	rm -rf $(VENV) node_modules var

.PHONY: bench
bench: $(VENV)/.installed messages ## benchmarks: list pages 1x/10x, catalogue search 1k/10k, resident path and partner pages 1x/large
	env -u DATABASE_URL $(PY) bench/list_scaling.py
	scripts/with-postgres $(PY) bench/list_scaling.py
	env -u DATABASE_URL $(PY) bench/catalogue_search.py
	scripts/with-postgres $(PY) bench/catalogue_search.py
	env -u DATABASE_URL $(PY) bench/resident_path.py
	scripts/with-postgres $(PY) bench/resident_path.py
	env -u DATABASE_URL $(PY) bench/partners.py
	scripts/with-postgres $(PY) bench/partners.py
