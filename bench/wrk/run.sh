#!/usr/bin/env bash
# wrk benchmark of `beacon serve` beside a bare Poco "hello" server, in one run (see
# bench/wrk/README.md). Not run in CI.
#
# usage: bench/wrk/run.sh [BUILD_DIR (build)]
#   env: DURATION (15s), CONNECTIONS (32), WRK_THREADS (2), SERVER_THREADS (8, both servers),
#        ACCESS_LOG=1 to keep beacon's per-request access log on (default --quiet),
#        PG_URI=postgresql://... to run the reads and writes again on that PostgreSQL database (a
#        fresh schema beacon_wrk in it, dropped first), then on two nodes sharing that schema
#        (wrk with half the connections against each node at once), in the same run; needs psql
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

quiet=--quiet; [ "${ACCESS_LOG:-0}" = 1 ] && quiet=""
start_server "$work/hello.out" "$hello" --threads "$server_threads"; hello_url=$url
hello_pid=$server_pid
echo "== $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); wrk -t$wrk_threads -c$connections -d$duration --latency; server threads $server_threads; beacon access log: ${ACCESS_LOG:-0}"
wrk -t"$wrk_threads" -c"$connections" -d"$duration" --latency "$hello_url/" >"$work/hello.wrk"
kill -TERM "$hello_pid"; wait "$hello_pid" || true

rps() { awk '/^Requests\/sec/ {print $2}' "$1"; }
summary() {  # name, wrk output file
  printf '%-44s %10s req/s   p50 %8s   p99 %8s\n' "$1" "$(rps "$2")" \
    "$(awk '$1=="50%" {print $2}' "$2")" "$(awk '$1=="99%" {print $2}' "$2")"
}
sql() {  # database, statement: one value
  case $1 in
    postgresql:*) psql -qAtX "$pg_conn" -c "SET search_path TO beacon_wrk; $2" | tail -1 ;;
    *) sqlite3 "$1" "$2" ;;
  esac
}
cluster_pids() {  # the PostgreSQL cluster's postmaster and its children (backends), if measured
  [ -n "${pg_pid:-}" ] && echo "$pg_pid" $(ps -o pid= --ppid "$pg_pid")
}
cpu_of() {  # pids...: CPU seconds (user+sys) used so far, children reaped included
  local total=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] || continue
    total=$(awk -v t="$total" -v hz="$(getconf CLK_TCK)" '{sub(/.*\) /, ""); print t + ($12+$13+$14+$15)/hz}' "/proc/$p/stat" 2>/dev/null || echo "$total")
  done
  echo "$total"
}

# One backend: NAME DB NODES. The demo city, the drill list read, then drill logging, with wrk
# split over the nodes; checks that every acknowledged drill is stored.
run_backend() {
  local name=$1 db=$2 nodes=$3 n urls=() node_pids=() first
  if [ "$nodes" = 1 ]; then "$beacon" --db "$db" init --demo xinmi-2023 >/dev/null; fi
  "$beacon" --db "$db" org list | awk -F'\t' '$3=="村" || $3=="社区" {print $1}' >"$work/orgs.txt"
  for n in $(seq "$nodes"); do
    start_server "$work/$name.$n.out" "$beacon" --db "$db" serve --listen 127.0.0.1:0 --threads "$server_threads" $quiet
    urls+=("$url"); node_pids+=("$server_pid")
  done
  # The demo accounts exist once a server has started on the demo database.
  token=$("$beacon" --db "$db" user token admin --label "wrk-$name" --scope write 2>/dev/null | head -1)
  [[ $token == bcn_* ]] || { echo "run.sh: no API token: $token" >&2; exit 1; }
  local auth="Authorization: Bearer $token"
  curl -fsS -H "$auth" "${urls[0]}/api/v1/drills?limit=50" >"$work/list.json"
  echo "   $name: GET /api/v1/drills?limit=50 returns $(wc -c <"$work/list.json") bytes ($(grep -o '"drill_type":' "$work/list.json" | wc -l) drills)"
  local per=$((connections / nodes)) wpids=() cpu0 cpu1
  cpu0=$(cpu_of "${node_pids[@]}" $(cluster_pids))
  for n in $(seq "$nodes"); do
    wrk -t"$wrk_threads" -c"$per" -d"$duration" --latency -H "$auth" \
      "${urls[$((n - 1))]}/api/v1/drills?limit=50" >"$work/$name.list.$n.wrk" & wpids+=($!)
  done
  wait "${wpids[@]}"
  cpu1=$(cpu_of "${node_pids[@]}" $(cluster_pids))
  echo "$cpu0 $cpu1" >"$work/$name.list.cpu"
  local before after; before=$(sql "$db" "SELECT count(*) FROM drills")
  wpids=()
  for n in $(seq "$nodes"); do
    BEACON_TOKEN=$token BEACON_ORGS=$work/orgs.txt BEACON_WRK_IDS=$work/$name.ids.$n \
      wrk -t"$wrk_threads" -c"$per" -d"$duration" --latency -s bench/wrk/log_drill.lua \
      "${urls[$((n - 1))]}" >"$work/$name.post.$n.wrk" 2>"$work/$name.post.$n.err" & wpids+=($!)
  done
  wait "${wpids[@]}" || { cat "$work/$name".post.* >&2; exit 1; }
  cpu0=$(cpu_of "${node_pids[@]}" $(cluster_pids))
  echo "$cpu1 $cpu0" >"$work/$name.post.cpu"
  for p in "${node_pids[@]}"; do kill -TERM "$p"; wait "$p" || true; done  # every answered request is committed
  after=$(sql "$db" "SELECT count(*) FROM drills")
  local acked=0 lines=0 present ids
  for f in "$work/$name".post.*.wrk; do acked=$((acked + $(awk '/^acknowledged 2xx:/ {print $3}' "$f"))); done
  cat "$work/$name".ids.* 2>/dev/null | grep -v '^$' >"$work/$name.acked" || true
  lines=$(wc -l <"$work/$name.acked")
  ids=$(grep "^[0-9][0-9]*$" "$work/$name.acked" | paste -sd, - || true)
  present=$(sql "$db" "SELECT count(*) FROM drills WHERE id IN (${ids:-0})")
  echo "   $name drills: $before before, $after after; acknowledged $acked, ids $lines, stored $present"
  if [ "$present" != "$acked" ] || [ "$lines" != "$acked" ]; then echo "MISSING acknowledged drills ($name)" >&2; exit 1; fi
}

# Sum of req/s over a run's wrk files; CPU seconds per 1,000 requests of the servers (and cluster).
total_rps() { cat "$@" | awk '/^Requests\/sec/ {s += $2} END {printf "%.0f", s}'; }
cpu_per_k() {  # cpu file, wrk files...
  local f=$1; shift
  awk -v r="$(cat "$@" | awk '/^Requests:|requests in/ {for (i=1;i<=NF;i++) if ($(i+1) ~ /^requests/) s += $i} END {print s}')" \
    '{printf "%.3f", 1000 * ($2 - $1) / r}' "$f"
}

backends=("sqlite $work/beacon.db 1")
if [ -n "${PG_URI:-}" ]; then
  command -v psql >/dev/null || { echo "run.sh: PG_URI needs psql (apt-get install postgresql-client)" >&2; exit 2; }
  pg_base=${PG_URI%%\?*}
  pg_conn=$pg_base
  psql -qX "$pg_conn" -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS beacon_wrk CASCADE; CREATE SCHEMA beacon_wrk"
  pg_pid=$(head -1 "$(psql -qAtX "$pg_conn" -c 'SHOW data_directory')/postmaster.pid")
  backends+=("postgresql $pg_base?schema=beacon_wrk 1" "postgresql-2-nodes $pg_base?schema=beacon_wrk 2")
fi
for b in "${backends[@]}"; do
  pg_pid_saved=${pg_pid:-}
  [[ $b == sqlite* ]] && pg_pid=""
  run_backend $b
  pg_pid=$pg_pid_saved
done

for f in "$work"/*.wrk; do echo "--- $(basename "$f")"; cat "$f"; done
echo "---"
summary "bare Poco hello (GET /)" "$work/hello.wrk"
hello_rps=$(rps "$work/hello.wrk")
for b in "${backends[@]}"; do
  name=${b%% *}
  list=$(total_rps "$work/$name".list.*.wrk); post=$(total_rps "$work/$name".post.*.wrk)
  printf '%-20s reads %8s req/s (%5.1f%% of hello, %s CPU s per 1k)   writes %6s req/s (%s CPU s per 1k)\n' \
    "$name" "$list" "$(awk -v a="$list" -v b="$hello_rps" 'BEGIN {print 100*a/b}')" \
    "$(cpu_per_k "$work/$name.list.cpu" "$work/$name".list.*.wrk)" "$post" \
    "$(cpu_per_k "$work/$name.post.cpu" "$work/$name".post.*.wrk)"
done
echo "(CPU: the beacon processes' user+sys, plus the PostgreSQL cluster's on postgresql; reads target >= 40% of hello)"
