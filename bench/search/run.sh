#!/usr/bin/env bash
# Search and list downloads on a big city (issue #14 §2): the server's CPU time per request of
# /search (plans, drills and organisations at once), GET /api/v1/search for drills only, and the
# /plans CSV download, each as a ratio to the /plans list page measured in the same run (the
# baseline: one page of 50 plans with its count). Requests are sent one after another with curl,
# so the figure is CPU per request, not throughput. Not run in CI.
#
# usage: bench/search/run.sh [BUILD_DIR (build)] [DATABASE (a copy is served; default: a demo city)]
#   env: REQUESTS (20), QUERY (城关)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
source_db=${2:-}
requests=${REQUESTS:-20}
query=${QUERY:-城关}
beacon=$build/bin/beacon
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
if [ -n "$source_db" ]; then cp "$source_db" "$work/city.db"; else "$beacon" --db "$work/city.db" init --demo xinmi-2023 >/dev/null; fi
"$beacon" --db "$work/city.db" serve --listen 127.0.0.1:0 --quiet >"$work/out" 2>"$work/err" &
pid=$!
for _ in $(seq 600); do grep -q 'listening on' "$work/out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$work/out" | head -1)
curl -fsS -c "$work/jar" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"beacon-demo-2023"}' "$url/api/v1/session" >/dev/null
q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$query")
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) * 1000 / hz}' "/proc/$pid/stat"; }
per_request() {  # path: server CPU ms per request over $requests requests (after one warm-up)
  curl -fsS -o /dev/null -b "$work/jar" "$url$1"
  local before; before=$(cpu_ms)
  for _ in $(seq "$requests"); do curl -fsS -o /dev/null -b "$work/jar" "$url$1"; done
  awk -v a="$before" -v b="$(cpu_ms)" -v n="$requests" 'BEGIN {printf "%.1f", (b - a) / n}'
}
echo "== $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); $requests requests each, q=$query"
echo "   $(sqlite3 "$work/city.db" 'SELECT count(*) FROM plans') plans, $(sqlite3 "$work/city.db" 'SELECT count(*) FROM drills') drills"
base=$(per_request "/plans")
printf '%-34s %8s ms/req  (baseline)\n' "/plans" "$base"
for p in "/search?q=$q" "/api/v1/search?q=$q&kind=drill" "/api/v1/search?q=$q&kind=plan" "/plans/export?format=csv"; do
  ms=$(per_request "$p")
  printf '%-34s %8s ms/req  %6s × /plans   load %s\n' "$p" "$ms" "$(awk -v a="$ms" -v b="$base" 'BEGIN {printf "%.1f", a / b}')" "$(cut -d' ' -f1 /proc/loadavg)"
done
