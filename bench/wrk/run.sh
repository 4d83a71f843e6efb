#!/usr/bin/env bash
# wrk benchmark of `beacon serve` beside a bare Poco "hello" server, in one run (see
# bench/wrk/README.md). Not run in CI.
#
# usage: bench/wrk/run.sh [BUILD_DIR (build)]
#   env: DURATION (15s), CONNECTIONS (32), WRK_THREADS (2), SERVER_THREADS (8, both servers),
#        ACCESS_LOG=1 to keep beacon's per-request access log on (default --quiet)
# Needs: BUILD_DIR/bin/beacon, BUILD_DIR/bin/bench_http_hello (cmake --build BUILD_DIR --target
# beacon bench_http_hello plus the plugins), wrk, sqlite3 and curl (installed here if missing, by
# bench/lib/servers.sh, which also starts the servers).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
beacon=$build/bin/beacon
hello=$build/bin/bench_http_hello
duration=${DURATION:-15s}
connections=${CONNECTIONS:-32}
wrk_threads=${WRK_THREADS:-2}
server_threads=${SERVER_THREADS:-8}
for f in "$beacon" "$hello"; do
  [ -x "$f" ] || { echo "run.sh: $f is not built (cmake --build $build --target beacon bench_http_hello)" >&2; exit 2; }
done
. bench/lib/servers.sh
bench_need wrk sqlite3 curl
bench_workdir wrk

db=$work/beacon.db
"$beacon" --db "$db" init --demo xinmi-2023 >/dev/null
"$beacon" --db "$db" org list | awk -F'\t' '$3=="村" || $3=="社区" {print $1}' >"$work/orgs.txt"

quiet=--quiet; [ "${ACCESS_LOG:-0}" = 1 ] && quiet=""
start_server "$work/hello.out" "$hello" --threads "$server_threads"; hello_url=$url
start_server "$work/beacon.out" "$beacon" --db "$db" serve --listen 127.0.0.1:0 --threads "$server_threads" $quiet
beacon_url=$url; beacon_pid=$server_pid
# The demo accounts exist once the server has started on the demo database.
token=$("$beacon" --db "$db" user token admin --label wrk 2>/dev/null | head -1)
[[ $token == bcn_* ]] || { echo "run.sh: no API token: $token" >&2; exit 1; }
auth="Authorization: Bearer $token"
curl -fsS -H "$auth" "$beacon_url/api/v1/drills?limit=50" >"$work/list.json"
rows=$(grep -o '"drill_type":' "$work/list.json" | wc -l)
echo "== $(date -u +%FT%TZ) $(nproc) cores; wrk -t$wrk_threads -c$connections -d$duration --latency; server threads $server_threads; beacon access log: ${ACCESS_LOG:-0}"
echo "   GET /api/v1/drills?limit=50 returns $(wc -c <"$work/list.json") bytes ($rows drills)"

rps() { awk '/^Requests\/sec/ {print $2}' "$1"; }
summary() {  # name, wrk output file
  printf '%-30s %10s req/s   p50 %8s   p99 %8s\n' "$1" "$(rps "$2")" \
    "$(awk '$1=="50%" {print $2}' "$2")" "$(awk '$1=="99%" {print $2}' "$2")"
}

wrk -t"$wrk_threads" -c"$connections" -d"$duration" --latency "$hello_url/" >"$work/hello.wrk"
wrk -t"$wrk_threads" -c"$connections" -d"$duration" --latency -H "$auth" \
  "$beacon_url/api/v1/drills?limit=50" >"$work/list.wrk"

before=$(sqlite3 "$db" "SELECT count(*) FROM drills")
BEACON_TOKEN=$token BEACON_ORGS=$work/orgs.txt BEACON_WRK_IDS=$work/ids \
  wrk -t"$wrk_threads" -c"$connections" -d"$duration" --latency -s bench/wrk/log_drill.lua \
  "$beacon_url" >"$work/post.wrk" 2>"$work/post.err" || { cat "$work/post.wrk" "$work/post.err" >&2; exit 1; }
kill -TERM "$beacon_pid"; wait "$beacon_pid" || true  # beacon stops cleanly: every answered request is committed
after=$(sqlite3 "$db" "SELECT count(*) FROM drills")

for f in hello list post; do echo "--- wrk $f"; cat "$work/$f.wrk"; done
[ -s "$work/post.err" ] && { echo "--- wrk post stderr"; head -5 "$work/post.err"; }
echo "---"
summary "bare Poco hello (GET /)" "$work/hello.wrk"
summary "GET /api/v1/drills?limit=50" "$work/list.wrk"
summary "POST /api/v1/drills" "$work/post.wrk"
hello_rps=$(rps "$work/hello.wrk")
list_rps=$(rps "$work/list.wrk")
acked=$(awk '/^acknowledged 2xx:/ {print $3}' "$work/post.wrk")
rejected=$(awk '/^non-2xx:/ {print $2}' "$work/post.wrk")
# (acked_ids.txt, not ids.txt: the ids.* glob would read the file being written)
cat "$work"/ids.* | grep -v '^$' >"$work/acked_ids.txt" || true
unknown=$(grep -c -v '^[0-9][0-9]*$' "$work/acked_ids.txt" || true)
present=$(sqlite3 "$db" <<SQL
CREATE TEMP TABLE acked(id INTEGER PRIMARY KEY);
.mode csv
.import $work/acked_ids.txt acked
SELECT count(*) FROM acked JOIN drills USING (id);
SQL
)
echo "reads: $(awk -v a="$list_rps" -v b="$hello_rps" 'BEGIN {printf "%.1f", 100*a/b}')% of the bare handler (target >= 40%)"
echo "drills: $before before, $after after (+$((after - before))); wrk acknowledged $acked (2xx), $rejected non-2xx;"
lines=$(wc -l <"$work/acked_ids.txt")
echo "        ids from the 2xx answers: $lines ($unknown unreadable), present in the database: $present"
if [ "$present" = "$acked" ] && [ "$lines" = "$acked" ] && [ "$unknown" = 0 ]; then
  echo "        every acknowledged drill is stored"
else
  echo "        MISSING acknowledged drills" >&2
  exit 1
fi
