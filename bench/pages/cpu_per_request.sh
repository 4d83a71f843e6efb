#!/usr/bin/env bash
# Server CPU per sequential request of one page: the figure that holds on a shared, loaded machine
# where wall-clock latency is noise. Starts `beacon serve` on DATABASE, logs in as the demo admin,
# requests PATH once to warm it (the first check after start-up evaluates the city), then N times
# one after another with curl, and prints the server's CPU time (utime + stime from /proc/PID/stat)
# over those N divided by N, with the wall time per request and the load. PERF=FILE also records
# `perf record -e cpu-clock --call-graph dwarf,16384` of the server around the N requests.
# Not run in CI.
#
# usage: bench/pages/cpu_per_request.sh BUILD_DIR DATABASE [PATH (/?as_of=2023-12-31)] [N (30)]
#   env: SERVER_THREADS (8), PERF (unset: no profile)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=$1
database=$2
page=${3:-/?as_of=2023-12-31}
n=${4:-30}
beacon=$build/bin/beacon
[ -x "$beacon" ] || { echo "cpu_per_request.sh: $beacon is not built" >&2; exit 2; }
. bench/lib/servers.sh
bench_need curl
bench_workdir cpu-per-request
start_server "$work/beacon.out" "$beacon" --db "$database" serve --listen 127.0.0.1:0 \
  --threads "${SERVER_THREADS:-8}" --quiet
curl -fsS -c "$work/cookies" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"beacon-demo-2023"}' "$url/api/v1/session" >/dev/null
cookie="Cookie: beacon_session=$(awk '$6=="beacon_session" {print $7}' "$work/cookies")"
curl -fsS -o /dev/null -H "$cookie" "$url$page"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
if [ -n "${PERF:-}" ]; then
  perf record -q -e cpu-clock --call-graph dwarf,16384 -o "$PERF" -p "$server_pid" 2>/dev/null &
  perf_pid=$!
  sleep 1
fi
load=$(cut -d' ' -f1 /proc/loadavg)
before=$(cpu_ticks)
start=$(date +%s%N)
for _ in $(seq "$n"); do curl -fsS -o /dev/null -H "$cookie" "$url$page"; done
end=$(date +%s%N)
after=$(cpu_ticks)
[ -n "${PERF:-}" ] && { kill -INT "$perf_pid"; wait "$perf_pid" 2>/dev/null || true; }
awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$n" -v w=$((end - start)) -v l="$load" \
  -v p="$page" 'BEGIN {printf "%s: %.2f ms server CPU/req, %.1f ms wall/req over %d sequential requests, load %s\n",
  p, t * 1000 / hz / n, w / 1e6 / n, n, l}'
