# Factdeck — the two set-up commands are `make run` and `make test`; everything else is called by them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/factdeck
# uv if it is on PATH, else the copy `make` installs with pip (python3 -m uv works without a shell rehash).
UV := $(shell command -v uv 2>/dev/null || echo python3 -m uv)
RUN := $(UV) run --locked
MANAGE := $(RUN) python manage.py
PYTEST_ARGS ?=
# make serve's key, made once before anything reads the settings (they refuse to start without one).
SECRET_KEY_FILE ?= .secret_key

.PHONY: help uv deps database setup run serve test lint migrations-check test-sqlite test-postgres browser-deps bench bench-content clean

help:
	@echo "make run    - install what is missing, migrate, load content and demo accounts, serve on $(HOST):$(PORT)"
	@echo "make test   - install what is missing, then lint, migration check and the whole suite (SQLite, then PostgreSQL)"
	@echo "make setup  - make run without the server"
	@echo "make serve  - production-like: gunicorn, DEBUG off, static files through WhiteNoise"
	@echo "make bench  - benchmarks (scheduler quality, speed), results in bench/results/"

uv:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || { \
		echo "Installing uv with pip…"; python3 -m pip install --quiet uv; }

deps: uv
	@$(UV) sync --locked --quiet

# The database and the shipped content; demo accounts only for development (make serve has none).
# The cache table holds login throttles and rate limits when REDIS_URL is not set.
database: deps
	@$(MANAGE) migrate --no-input
	@$(MANAGE) createcachetable
	@$(MANAGE) load_content

# Development targets stay in debug mode even when DATABASE_URL points at a server.
setup run: export DEBUG ?= 1
setup: database
	@$(MANAGE) seed_demo

run: setup
	@echo "Factdeck is at http://$(HOST):$(PORT)/"
	@$(MANAGE) runserver $(HOST):$(PORT)

# Production-like serving on this machine: no TLS here, so HTTPS-only cookies and redirects are off.
# The key comes first, so migrate already runs with it; --no-control-socket: two servers on one host
# would otherwise share gunicorn's fixed ~/.gunicorn/gunicorn.ctl.
serve: deps
	@[ -n "$$SECRET_KEY" ] || [ -s "$(SECRET_KEY_FILE)" ] || \
		(umask 077; python3 -c 'import secrets; print(secrets.token_urlsafe(50))' > "$(SECRET_KEY_FILE)")
	@export DEBUG=0 HTTPS=0 SECRET_KEY="$${SECRET_KEY:-$$(cat "$(SECRET_KEY_FILE)")}"; \
		$(MANAGE) migrate --no-input && $(MANAGE) createcachetable && $(MANAGE) load_content && \
		$(MANAGE) collectstatic --no-input --verbosity 0 && \
		exec $(RUN) gunicorn config.wsgi --bind $(HOST):$(PORT) --workers 2 --access-logfile - --no-control-socket

browser-deps:
	@command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || { \
		echo "Installing Debian's Chromium for the browser tests…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

lint: deps
	@$(RUN) ruff check .
	@$(RUN) ruff format --check .

migrations-check: deps
	@$(MANAGE) makemigrations --check --dry-run

test-sqlite: deps browser-deps
	@echo "== Test suite on SQLite =="
	@env -u DATABASE_URL $(RUN) pytest $(PYTEST_ARGS)

# Runs when PostgreSQL answers (CI runs one on 127.0.0.1:5432), or when DATABASE_URL points at it.
test-postgres: deps browser-deps
	@url="$${DATABASE_URL:-$(PG_URL)}"; \
	case "$$url" in postgres*) ;; *) url="$(PG_URL)";; esac; \
	if $(RUN) python -c "import sys, psycopg, dj_database_url as d; c = d.parse(sys.argv[1]); \
		psycopg.connect(host=c['HOST'] or None, port=c['PORT'] or None, user=c['USER'] or None, password=c['PASSWORD'] or None, dbname='postgres', connect_timeout=3).close()" "$$url" 2>/dev/null; then \
		echo "== Test suite on PostgreSQL ($$url) =="; \
		DEBUG=1 DATABASE_URL="$$url" $(RUN) pytest $(PYTEST_ARGS); \
	else \
		echo "== PostgreSQL does not answer at $$url: skipping the PostgreSQL run =="; \
	fi

test: lint migrations-check test-sqlite test-postgres

bench: deps
	@$(RUN) python -m bench

# Extraction recall against the dev documents' gold facts (../shared/dev_documents), facts and questions per fact.
bench-content: deps
	@$(RUN) python -m bench.content

clean:
	rm -rf staticfiles .pytest_cache
