#!/usr/bin/env bash
# Hostile-client benchmarks of `beacon serve` (see bench/README.md, "connections"). Not run in CI.
#   1. bench_idle_sockets: 200 idle sockets open for 30 s while a client makes requests
#      (all must succeed; p99 target < 1 s), beside a 5 s baseline without them.
#   2. bench_uploads: the server's peak memory under 8 parallel 19 MB uploads.
#
# usage: bench/connections/run.sh [BUILD_DIR (build)]
#   env: BEACON=path/to/beacon to measure another build of the server (e.g. an older one);
#        IDLE (200), SECONDS_IDLE (30), PARALLEL (8), MB (19), SERVER_THREADS (8)
# Needs: BUILD_DIR/bin/bench_idle_sockets and bench_uploads, and the beacon binary with its plugins.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
beacon=${BEACON:-$build/bin/beacon}
for f in "$beacon" "$build/bin/bench_idle_sockets" "$build/bin/bench_uploads"; do
  [ -x "$f" ] || { echo "run.sh: $f is not built" >&2; exit 2; }
done
work=$(mktemp -d /tmp/beacon-connections.XXXXXX)
server=""
cleanup() {
  if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

db=$work/beacon.db
cat >"$work/beacon.properties" <<PROPS
web.attachments_dir = $work/attachments
web.password_iterations = 1000
PROPS
b=("$beacon" --config "$work/beacon.properties" --db "$db")
"${b[@]}" init --demo xinmi-2023 >/dev/null
"${b[@]}" user add --username bench --role admin --password bench-password-1 >/dev/null
token=$("${b[@]}" user token bench | grep -o '[A-Za-z0-9_-]\{20,\}' | head -1)
drill=1

"${b[@]}" serve --listen 127.0.0.1:0 --threads "${SERVER_THREADS:-8}" --quiet >"$work/serve.out" 2>&1 &
server=$!
port=""
for _ in $(seq 100); do
  port=$(grep -o 'http://[0-9.]*:[0-9]*' "$work/serve.out" | head -1 | sed 's/.*://' || true)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "run.sh: the server printed no address:" >&2; cat "$work/serve.out" >&2; exit 1; }
echo "== beacon serve (pid $server, port $port): $beacon"

echo "== ${IDLE:-200} idle sockets for ${SECONDS_IDLE:-30} s"
"$build/bin/bench_idle_sockets" "$port" --idle "${IDLE:-200}" --seconds "${SECONDS_IDLE:-30}" || true
sleep 1
echo "== ${PARALLEL:-8} parallel uploads of ${MB:-19} MB"
"$build/bin/bench_uploads" "$port" "$server" "$token" "$drill" --parallel "${PARALLEL:-8}" --mb "${MB:-19}" || true
