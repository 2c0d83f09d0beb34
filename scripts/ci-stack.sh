#!/usr/bin/env bash
# The production topology of docker-compose.yml, assembled without Docker (CI has no engine), to prove
# its configuration files work together:
#   PostgreSQL        a fresh database `stack` on TEST_DATABASE_URL's server (dropped at the end)
#   migrate           `alembic upgrade head`, once, then the demo county (`python -m app.cli seed-demo`)
#   object storage    moto's S3 server (the dev dependency) standing in for MinIO; STORAGE_BACKEND=s3
#   api ×2            two uvicorn processes on two local ports, RUN_REMINDERS_IN_PROCESS=false,
#                     ENVIRONMENT=production, no SPA of their own
#   worker            `python -m app.worker`
#   web               Debian's nginx with frontend/nginx/default.conf, rendered with only what must
#                     differ here (upstream servers, listen port, root) inside a minimal nginx.conf
# then checks nginx's routing and headers, runs a subset of the browser tests through nginx (login and
# roles; a photo uploaded to object storage and read back), and checks that both API processes served
# requests and the worker is alive. Exits non-zero on any failure, printing the logs of what failed.
#
#   TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test bash scripts/ci-stack.sh
# Needs frontend/dist (built SPA), backend/.venv, nginx and Chromium; outside CI (CI != true) a missing
# nginx or TEST_DATABASE_URL skips the check. STACK_E2E overrides the browser test files to run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
START=$(date +%s)

skip_or_fail() {
  if [ "${CI:-}" = "true" ]; then echo "ci-stack: $1; CI cannot skip the stack check" >&2; exit 1; fi
  echo "ci-stack: skipped, $1"
  exit 0
}
NGINX="$(command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true)"
[ -n "$NGINX" ] || skip_or_fail "nginx is not installed (apt-get install nginx)"
[ -n "${TEST_DATABASE_URL:-}" ] || skip_or_fail "TEST_DATABASE_URL is not set (postgresql://...)"
[ -f frontend/dist/index.html ] || { echo "ci-stack: build the SPA first (frontend/dist)" >&2; exit 1; }
PY="$ROOT/backend/.venv/bin/python"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ci-stack.XXXXXX")"
mkdir -p "$WORK/nginx" "$WORK/data"
STACK_DB="${STACK_DB:-stack}"
BASE_URL="${TEST_DATABASE_URL%%\?*}"
STACK_URL="${BASE_URL%/*}/$STACK_DB"

PIDS=()
NAMES=()
FAILED=""
start() { # start NAME COMMAND...: run in the background, output to $WORK/NAME.log
  local name=$1; shift
  "$@" >"$WORK/$name.log" 2>&1 &
  PIDS+=("$!"); NAMES+=("$name")
}
show_logs() {
  for name in "$@"; do
    [ -f "$WORK/$name.log" ] || continue
    echo "----- $name log (last 60 lines)"; tail -n 60 "$WORK/$name.log"
  done
}
fail() { # fail MESSAGE LOG...
  local message=$1; shift
  echo "ci-stack: FAILED: $message" >&2
  FAILED=1
  show_logs "$@"
  exit 1
}
db() { # db SQL: run against the server's maintenance database (TEST_DATABASE_URL's)
  "$PY" -c 'import asyncio, sys, asyncpg
async def main():
    conn = await asyncpg.connect(sys.argv[1])
    try:
        await conn.execute(sys.argv[2])
    finally:
        await conn.close()
asyncio.run(main())' "$BASE_URL" "$1"
}
cleanup() {
  local status=$?
  trap - EXIT
  [ -n "$FAILED" ] || [ "$status" -eq 0 ] || { echo "ci-stack: FAILED (exit $status)" >&2; show_logs "${NAMES[@]}"; }
  for i in "${!PIDS[@]}"; do kill "${PIDS[$i]}" 2>/dev/null || true; done
  for i in "${!PIDS[@]}"; do wait "${PIDS[$i]}" 2>/dev/null || true; done
  db "DROP DATABASE IF EXISTS \"$STACK_DB\" WITH (FORCE)" >/dev/null 2>&1 || echo "ci-stack: could not drop $STACK_DB" >&2
  rm -rf "$WORK"
  echo "ci-stack: $([ "$status" -eq 0 ] && echo passed || echo failed) in $(( $(date +%s) - START )) s"
  exit "$status"
}
trap cleanup EXIT

free_port() { "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
API1=$(free_port); API2=$(free_port); WEB=$(free_port); S3=$(free_port)
while [ "$API2" = "$API1" ]; do API2=$(free_port); done
while [ "$WEB" = "$API1" ] || [ "$WEB" = "$API2" ]; do WEB=$(free_port); done
while [ "$S3" = "$API1" ] || [ "$S3" = "$API2" ] || [ "$S3" = "$WEB" ]; do S3=$(free_port); done

wait_for() { # wait_for URL SECONDS: until it answers 2xx
  "$PY" - "$1" "$2" <<'EOF'
import sys, time, urllib.request
url, deadline = sys.argv[1], time.monotonic() + float(sys.argv[2])
while True:
    try:
        urllib.request.urlopen(url, timeout=2)
        sys.exit(0)
    except Exception:
        if time.monotonic() > deadline:
            sys.exit(1)
        time.sleep(0.2)
EOF
}

# --- the environment every backend process shares (compose's x-backend-env) -------------------------
export DATABASE_URL="$STACK_URL" ENVIRONMENT=production DATA_DIR="$WORK/data"
SECRET_KEY="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(48))')"
export SECRET_KEY
export DEMO_PASSWORD="${E2E_DEMO_PASSWORD:-e2e-Demo-pass-1}" E2E_DEMO_PASSWORD="${E2E_DEMO_PASSWORD:-e2e-Demo-pass-1}"
export RUN_REMINDERS_IN_PROCESS=false FRONTEND_DIST="$WORK/no-spa" RATE_LIMIT_ADDRESS_PER_MINUTE=0
export STORAGE_BACKEND=s3 S3_ENDPOINT_URL="http://127.0.0.1:$S3" S3_BUCKET=stack-uploads \
  S3_ACCESS_KEY_ID=stack-key S3_SECRET_ACCESS_KEY=stack-secret-key S3_REGION=us-east-1
unset E2E_BASE_URL

# --- database, object storage, migration, demo data ---------------------------------------------------
echo "ci-stack: database $STACK_DB, api :$API1 :$API2, nginx :$WEB, s3 :$S3"
db "DROP DATABASE IF EXISTS \"$STACK_DB\" WITH (FORCE)" && db "CREATE DATABASE \"$STACK_DB\"" \
  || fail "could not create database $STACK_DB on $BASE_URL"

s3() { # s3 create|count: minio-init's job (create the bucket once), or count the bucket's objects
  "$PY" - "$1" <<'EOF'
import os, sys, time, boto3
client = boto3.client(
    "s3", endpoint_url=os.environ["S3_ENDPOINT_URL"], region_name=os.environ["S3_REGION"],
    aws_access_key_id=os.environ["S3_ACCESS_KEY_ID"], aws_secret_access_key=os.environ["S3_SECRET_ACCESS_KEY"],
)
bucket = os.environ["S3_BUCKET"]
if sys.argv[1] == "count":
    print(client.list_objects_v2(Bucket=bucket).get("KeyCount", 0))
    sys.exit(0)
deadline = time.monotonic() + 20
while True:  # the server may still be starting
    try:
        client.create_bucket(Bucket=bucket)
        break
    except Exception:
        if time.monotonic() > deadline:
            raise
        time.sleep(0.2)
EOF
}
start s3 "$ROOT/backend/.venv/bin/moto_server" -H 127.0.0.1 -p "$S3"
s3 create >"$WORK/bucket.log" 2>&1 || fail "the S3 server did not start, or the bucket could not be created" bucket s3

(cd backend && .venv/bin/alembic upgrade head) >"$WORK/migrate.log" 2>&1 || fail "alembic upgrade head" migrate
(cd backend && .venv/bin/python -m app.cli seed-demo) >"$WORK/seed.log" 2>&1 || fail "seed-demo" seed

# --- two API processes and the worker -----------------------------------------------------------------
for port in "$API1" "$API2"; do
  # compose's api command, one worker per process here (two processes stand for two workers/machines)
  start "api-$port" bash -c "cd backend && exec .venv/bin/uvicorn app.main:app --host 127.0.0.1 --port $port \
    --limit-concurrency 200 --proxy-headers --forwarded-allow-ips=127.0.0.1 --no-access-log"
done
start worker bash -c "cd backend && exec .venv/bin/python -m app.worker"
for port in "$API1" "$API2"; do
  wait_for "http://127.0.0.1:$port/api/v1/health" 40 || fail "API on :$port did not become healthy" "api-$port"
done

# --- nginx with the project's own server block --------------------------------------------------------
"$PY" - "$ROOT/frontend/nginx/default.conf" "$WORK/nginx/default.conf" "$API1" "$API2" "$WEB" "$ROOT/frontend/dist" \
  >"$WORK/render.log" 2>&1 <<'EOF' || fail "could not render frontend/nginx/default.conf" render
import sys
source, target, api1, api2, web, dist = sys.argv[1:]
text = open(source, encoding="utf-8").read()
# Only what must differ outside compose; each must be found exactly once, or the check would silently
# test another configuration than the one shipped.
for old, new in [
    ("server api:8000;", f"server 127.0.0.1:{api1};\n    server 127.0.0.1:{api2};"),
    ("listen 8080;", f"listen 127.0.0.1:{web};"),
    ("root /usr/share/nginx/html;", f"root {dist};"),
]:
    count = text.count(old)
    if count != 1:
        sys.exit(f"frontend/nginx/default.conf: expected `{old}` once, found it {count} times")
    text = text.replace(old, new)
open(target, "w", encoding="utf-8").write(text)
EOF
N="$WORK/nginx"
{
  # The nginxinc/nginx-unprivileged image's nginx.conf, reduced to what default.conf relies on; every
  # path in the temp dir, so nginx runs as the current user and touches nothing of the system's.
  if [ "$(id -u)" -eq 0 ]; then echo "user $(id -un) $(id -gn);"; fi
  cat <<EOF
worker_processes 2;
daemon off;
pid $N/nginx.pid;
error_log $N/error.log warn;
events { worker_connections 512; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $N/access.log;
    client_body_temp_path $N/client_body;
    proxy_temp_path $N/proxy;
    fastcgi_temp_path $N/fastcgi;
    uwsgi_temp_path $N/uwsgi;
    scgi_temp_path $N/scgi;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    include $N/default.conf;
}
EOF
} >"$N/nginx.conf"
"$NGINX" -t -p "$N/" -e "$N/error.log" -c "$N/nginx.conf" >"$WORK/nginx-t.log" 2>&1 || fail "nginx -t" nginx-t
start nginx "$NGINX" -p "$N/" -e "$N/error.log" -c "$N/nginx.conf"
WEB_URL="http://127.0.0.1:$WEB"
wait_for "$WEB_URL/healthz" 20 || { cp "$N/error.log" "$WORK/nginx-error.log"; fail "nginx did not start" nginx nginx-error; }
wait_for "$WEB_URL/api/v1/health" 20 || fail "/api/v1/health through nginx" nginx "api-$API1" "api-$API2"

# --- what nginx itself must do (the API serves no SPA here: FRONTEND_DIST points nowhere) -----------
"$PY" - "$WEB_URL" >"$WORK/routing.log" 2>&1 <<'EOF' || { cp "$N/error.log" "$WORK/nginx-error.log"; fail "nginx routing checks" routing nginx-error; }
import re, sys, urllib.error, urllib.request
base = sys.argv[1]
def get(path):
    try:
        with urllib.request.urlopen(base + path, timeout=5) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()
status, headers, body = get("/")
assert status == 200 and b'<div id="root"' in body, (status, body[:200])
assert headers["Cache-Control"] == "no-cache", headers
assert headers["X-Frame-Options"] == "DENY" and headers["X-Content-Type-Options"] == "nosniff", headers
status, _, body = get("/agreements/123")  # a client-side route: the SPA shell
assert status == 200 and b'<div id="root"' in body, status
asset = re.search(rb'src="(/assets/[^"]+\.js)"', body).group(1).decode()
status, headers, _ = get(asset)
assert status == 200 and "immutable" in headers["Cache-Control"], (asset, headers)
assert get("/assets/no-such-file.js")[0] == 404  # a missing bundle is a 404, never index.html
status, headers, body = get("/api/v1/health")
assert status == 200 and headers["X-Frame-Options"] == "DENY", (status, headers)
assert get("/api/v1/openapi.json")[0] == 200
print("nginx routing: ok")
EOF
cat "$WORK/routing.log"

# --- browser tests through nginx (the full suite ran against the embedded server in `make e2e`) -------
read -r -a SPECS <<<"${STACK_E2E:-roles.spec.ts rotations-mobile.spec.ts}"
# which tests failed, printed after the servers' logs so that it is among the last lines CI keeps
E2E_BASE_URL="$WEB_URL" SUMMARY_FAILURES_FILE="$WORK/e2e-failures.log" bash scripts/e2e.sh "${SPECS[@]}" \
  || { cp "$N/error.log" "$WORK/nginx-error.log"
       fail "browser tests through nginx" "api-$API1" "api-$API2" worker nginx-error e2e-failures; }

# --- both API processes served, the worker is alive ---------------------------------------------------
for port in "$API1" "$API2"; do
  # requests other than the health checks made directly at start-up: those came through nginx
  served=$(grep -E '"(GET|POST|PUT|PATCH|DELETE) /api/v1/' "$WORK/api-$port.log" | grep -vc '/api/v1/health ' || true)
  [ "$served" -gt 0 ] || fail "nginx sent no request to the API on :$port" "api-$port"
  echo "ci-stack: API :$port served $served requests through nginx"
done
objects=$(s3 count 2>"$WORK/count.log") || fail "could not list the bucket" count s3
[ "$objects" -gt 0 ] || fail "no upload reached object storage" s3 "api-$API1" "api-$API2"
[ ! -e "$WORK/data/attachments" ] || fail "an upload was written to the API's local disk" "api-$API1" "api-$API2"
echo "ci-stack: $objects object(s) in the bucket, none on local disk"
worker_pid=""
for i in "${!NAMES[@]}"; do [ "${NAMES[$i]}" = worker ] && worker_pid=${PIDS[$i]}; done
kill -0 "$worker_pid" 2>/dev/null || fail "the worker died" worker
grep -q "reminders produced" "$WORK/worker.log" || fail "the worker ran no reminder round" worker
echo "ci-stack: worker alive, $(grep -c 'reminders produced' "$WORK/worker.log") reminder round(s)"
for i in "${!NAMES[@]}"; do
  kill -0 "${PIDS[$i]}" 2>/dev/null || fail "${NAMES[$i]} exited during the run" "${NAMES[$i]}"
done
echo "ci-stack: all checks passed"
