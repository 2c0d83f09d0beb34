#!/usr/bin/env bash
# Browser tests: serve the built SPA and the API from one server on a fresh SQLite database with the
# demo county, then drive it with the system Chromium (never a downloaded browser).
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium || command -v chromium-browser || true)}"
if [ -z "$CHROMIUM_PATH" ] || [ ! -x "$CHROMIUM_PATH" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "e2e: no Chromium found (set CHROMIUM_PATH or install Debian's chromium); CI cannot skip browser tests" >&2
    exit 1
  fi
  echo "e2e: skipped, no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)"
  exit 0
fi
export CHROMIUM_PATH

# E2E_BASE_URL already set: a server is running there (scripts/ci-stack.sh: nginx in front of two API
# processes); drive it as is, with its demo accounts' DEMO_PASSWORD, and start nothing.
if [ -n "${E2E_BASE_URL:-}" ]; then
  export DEMO_PASSWORD="${DEMO_PASSWORD:-${E2E_DEMO_PASSWORD:-e2e-Demo-pass-1}}"
  backend/.venv/bin/python -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=5)" \
    "${E2E_BASE_URL%/}/api/v1/health" >/dev/null 2>&1 \
    || { echo "e2e: nothing healthy at E2E_BASE_URL=$E2E_BASE_URL" >&2; exit 1; }
  cd frontend
  exec npm run --silent e2e -- "$@"
fi

PORT="${E2E_PORT:-8765}"
DATA_DIR="$(mktemp -d)"
# Every browser request comes from 127.0.0.1: no per-address limit (the API tests cover it).
export DATA_DIR DEMO_PASSWORD="${E2E_DEMO_PASSWORD:-e2e-Demo-pass-1}" ENVIRONMENT=development RATE_LIMIT_ADDRESS_PER_MINUTE=0
unset DATABASE_URL
LOG="$DATA_DIR/server.log"

healthy() {
  backend/.venv/bin/python -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=2)" \
    "http://127.0.0.1:$PORT/api/v1/health" >/dev/null 2>&1
}
# Another server already answering on the port would silently take this run's requests.
if healthy; then echo "e2e: port $PORT is already in use (set E2E_PORT)" >&2; exit 1; fi

(cd backend && .venv/bin/alembic upgrade head && .venv/bin/python -m app.cli seed-demo >/dev/null 2>&1)
(cd backend && exec .venv/bin/uvicorn app.main:app --host 127.0.0.1 --port "$PORT" --no-access-log >"$LOG" 2>&1) &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$DATA_DIR"' EXIT

for _ in $(seq 1 100); do healthy && break; sleep 0.2; done
healthy || { echo "e2e: server did not start"; cat "$LOG"; exit 1; }

export E2E_BASE_URL="http://127.0.0.1:$PORT"
# The reporter writes one line per failed test here, printed again after the server log: CI keeps only the
# last lines of its output, and they must say which test failed and why.
export SUMMARY_FAILURES_FILE="$DATA_DIR/failures.txt"
cd frontend
if ! npm run --silent e2e -- "$@"; then
  echo "--- server log (last 40 lines)"; tail -40 "$LOG"
  echo "--- e2e: what failed"; cat "$SUMMARY_FAILURES_FILE" 2>/dev/null || echo "(no test report: vitest itself failed)"
  exit 1
fi
