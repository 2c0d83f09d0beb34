#!/usr/bin/env bash
# Run a test command on the embedded SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL — both at
# once. The two runs share nothing (each its own temporary directory, database and free ports) and each
# keeps about one core busy, so on CI's two cores both end in little more than the slower one's time
# rather than the sum of both. Each run's output is printed whole when it ends (two progress lines
# interleaved would be unreadable); the status is non-zero when either run failed.
# usage: scripts/on-both-databases.sh WHAT COMMAND [ARGS...]    (run from backend/)
set -uo pipefail
what=$1
shift
if [ -z "${TEST_DATABASE_URL:-}" ] && [ "${CI:-}" = "true" ]; then
  echo "CI=true but TEST_DATABASE_URL is not set: the PostgreSQL $what cannot be skipped in CI"
  exit 1
fi
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
TEST_DATABASE_URL= "$@" >"$logs/sqlite" 2>&1 &
sqlite=$!
postgresql=
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  "$@" >"$logs/postgresql" 2>&1 &
  postgresql=$!
fi
status=0
wait "$sqlite" || status=1
echo "--- $what on SQLite"
cat "$logs/sqlite"
if [ -n "$postgresql" ]; then
  wait "$postgresql" || status=1
  echo "--- $what on PostgreSQL ($TEST_DATABASE_URL)"
  cat "$logs/postgresql"
else
  echo "(PostgreSQL $what skipped: set TEST_DATABASE_URL=postgresql://... to include it)"
fi
exit $status
