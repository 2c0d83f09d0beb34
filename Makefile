# School pairing platform (结对帮扶平台): `make run` serves the app, `make test` runs every check.
# Everything installs from the repository's own files (backend/requirements.lock, frontend/package-lock.json).

SHELL := /bin/bash
.DEFAULT_GOAL := help

PORT ?= 8000
HOST ?= 127.0.0.1
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := backend/.venv
PY := $(VENV)/bin/python
STAMPS := .make
FRONTEND_SOURCES := $(shell find frontend/src frontend/index.html frontend/vite.config.ts frontend/tsconfig.json frontend/package-lock.json -type f 2>/dev/null)

.PHONY: help run dev test lint migrate revision openapi openapi-check backend-test fuzz frontend-test e2e stack-test bench deps clean

help:
	@echo "make run       install, build the SPA, migrate, load the demo county, serve on http://$(HOST):$(PORT)"
	@echo "make test      lint, backend tests and API fuzzing (SQLite, and PostgreSQL when TEST_DATABASE_URL is set),"
	@echo "               frontend unit tests, type check, build, browser tests (Chromium),"
	@echo "               the compose topology without Docker: nginx + 2 API processes + worker (stack-test)"
	@echo "make dev       reloading backend on :8000 + Vite dev server on :5173"
	@echo "make bench     benchmarks on PostgreSQL (province data set) and SQLite, written to docs/benchmarks.md"
	@echo "make migrate | revision m=\"...\" | openapi | lint"

# --- installation (stamped, so a second run is fast) -------------------------------------
$(STAMPS)/backend-deps: backend/requirements.lock backend/requirements-dev.lock
	@mkdir -p $(STAMPS)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r backend/requirements-dev.lock
	@touch $@

$(STAMPS)/frontend-deps: frontend/package-lock.json
	@mkdir -p $(STAMPS)
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

frontend/dist/index.html: $(STAMPS)/frontend-deps $(FRONTEND_SOURCES)
	cd frontend && npm run build

deps: $(STAMPS)/backend-deps $(STAMPS)/frontend-deps

# --- running ------------------------------------------------------------------------------
run: $(STAMPS)/backend-deps frontend/dist/index.html
	cd backend && .venv/bin/alembic upgrade head
	cd backend && .venv/bin/python -m app.cli seed-demo
	@echo ""
	@echo "  结对帮扶平台 / School pairing platform:  http://$(HOST):$(PORT)/"
	@echo "  API docs: http://$(HOST):$(PORT)/docs"
	@echo ""
	cd backend && exec .venv/bin/uvicorn app.main:app --host $(HOST) --port $(PORT) --limit-concurrency 200 --no-access-log

dev: $(STAMPS)/backend-deps $(STAMPS)/frontend-deps
	cd backend && .venv/bin/alembic upgrade head && .venv/bin/python -m app.cli seed-demo
	trap 'kill 0' EXIT; \
	(cd backend && .venv/bin/uvicorn app.main:app --reload --host 127.0.0.1 --port 8000) & \
	(cd frontend && npm run dev) & \
	wait

migrate: $(STAMPS)/backend-deps
	cd backend && .venv/bin/alembic upgrade head

revision: $(STAMPS)/backend-deps
	@test -n "$(m)" || (echo 'usage: make revision m="what changes"' && exit 2)
	cd backend && .venv/bin/alembic revision --autogenerate -m "$(m)"

# Regenerate the OpenAPI document and the typed client the SPA uses.
openapi: $(STAMPS)/backend-deps $(STAMPS)/frontend-deps
	cd backend && .venv/bin/python -m app.cli openapi --output ../frontend/openapi.json
	cd frontend && npm run --silent gen:api

# Fails when the committed OpenAPI document or generated client is stale.
openapi-check: $(STAMPS)/backend-deps $(STAMPS)/frontend-deps
	@tmp=$$(mktemp -d); \
	(cd backend && .venv/bin/python -m app.cli openapi --output $$tmp/openapi.json) && \
	(cd frontend && npx openapi-typescript $$tmp/openapi.json -o $$tmp/schema.d.ts --silent >/dev/null) && \
	diff -q $$tmp/openapi.json frontend/openapi.json >/dev/null && diff -q $$tmp/schema.d.ts frontend/src/api/schema.d.ts >/dev/null \
	  || { echo "The API client is stale: run 'make openapi' and commit the result."; exit 1; }; \
	echo "openapi: client up to date"

# --- checks -------------------------------------------------------------------------------
lint: $(STAMPS)/backend-deps $(STAMPS)/frontend-deps
	cd backend && .venv/bin/ruff check app tests alembic bench && .venv/bin/ruff format --check app tests bench alembic/env.py
	cd frontend && npm run --silent typecheck

# SQLite and, with TEST_DATABASE_URL, PostgreSQL at the same time (scripts/on-both-databases.sh: one core
# each; the output of each run is printed when it ends).
backend-test: $(STAMPS)/backend-deps
	cd backend && ../scripts/on-both-databases.sh "backend tests" .venv/bin/pytest -q -p no:cacheprovider

# Schemathesis over every API operation against the app's own OpenAPI document, as a bureau admin and a
# school admin (backend/tests/fuzz/, left out of backend-test), on both databases as backend-test.
# About 100 s each; FUZZ_EXAMPLES=50 digs deeper.
fuzz: $(STAMPS)/backend-deps
	cd backend && ../scripts/on-both-databases.sh fuzzing .venv/bin/pytest -q -p no:cacheprovider -m fuzz

frontend-test: $(STAMPS)/frontend-deps
	cd frontend && npm run --silent typecheck
	cd frontend && npm test
	cd frontend && npm run build

e2e: $(STAMPS)/backend-deps frontend/dist/index.html
	bash scripts/e2e.sh

# nginx (Debian's) with frontend/nginx/default.conf in front of two API processes, the worker and S3
# storage, on PostgreSQL (TEST_DATABASE_URL); a subset of the browser tests through it. Skipped outside
# CI when nginx or TEST_DATABASE_URL is missing; CI=true never skips.
stack-test: $(STAMPS)/backend-deps frontend/dist/index.html
	bash scripts/ci-stack.sh

# Benchmarks (minutes, not part of `make test`): PostgreSQL at BENCH_DATABASE_URL (default the local server's
# `bench` database, created and filled with the province data set once), then SQLite; driven by wrk.
bench: $(STAMPS)/backend-deps
	@command -v wrk >/dev/null || { echo "make bench needs wrk: apt-get install wrk"; exit 1; }
	cd backend && .venv/bin/python -m bench.run $(BENCH_ARGS)

test: lint openapi-check backend-test fuzz frontend-test e2e stack-test
	@echo "make test: all checks passed"

clean:
	rm -rf $(STAMPS) $(VENV) frontend/node_modules frontend/dist
