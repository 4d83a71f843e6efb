#!/usr/bin/env bash
# The office's pages under load (issue #13 targets 1–3): wrk on the dashboard, the plan-status and
# city-annual summary pages, /api/v1/obligations and the list pages of `beacon serve`, beside a bare
# Poco "hello" server in the same run, then the server's resident memory after 8 concurrent
# dashboards and plan-status pages, then cold `beacon check` and `beacon summary`. Not run in CI.
#
# usage: bench/pages/run.sh [BUILD_DIR (build)] [DATABASE (demo: a fresh demo city)]
#   DATABASE: e.g. the 50.8k-plan / 1M-drill database bench_summary generates
#   (BUILD_DIR/bin/bench_summary /tmp/beacon_bench_summary.db 1 scan); it is served as is
#   (the server adds its demo logins and sessions to it).
#   env: DURATION (8s), CONNECTIONS (8), WRK_THREADS (2), SERVER_THREADS (8), AS_OF (2023-12-31),
#   PAGES (the pages to run, by name; all), CLI (0: no cold CLI runs), LOGIN (the demo login the
#   pages are asked as: admin, town or village; admin)
# Needs: BUILD_DIR/bin/beacon, BUILD_DIR/bin/bench_http_hello, the plugins, wrk, curl and sqlite3
# (installed if missing by bench/lib/servers.sh, which also starts the servers).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
database=${2:-}
beacon=$build/bin/beacon
hello=$build/bin/bench_http_hello
duration=${DURATION:-8s}
connections=${CONNECTIONS:-8}
wrk_threads=${WRK_THREADS:-2}
server_threads=${SERVER_THREADS:-8}
as_of=${AS_OF:-2023-12-31}
for f in "$beacon" "$hello"; do
  [ -x "$f" ] || { echo "run.sh: $f is not built (cmake --build $build --target beacon bench_http_hello)" >&2; exit 2; }
done
. bench/lib/servers.sh
bench_need wrk curl sqlite3
bench_workdir pages

if [ -z "$database" ]; then
  database=$work/demo.db
  "$beacon" --db "$database" init --demo xinmi-2023 >/dev/null
fi
b=("$beacon" --db "$database")
start_server "$work/hello.out" "$hello" --threads "$server_threads"; hello_url=$url; hello_pid=$server_pid
start_server "$work/beacon.out" "${b[@]}" serve --listen 127.0.0.1:0 --threads "$server_threads" --quiet
beacon_url=$url; beacon_pid=$server_pid
curl -fsS -c "$work/cookies" -H 'Content-Type: application/json' \
  -d '{"username":"'"${LOGIN:-admin}"'","password":"beacon-demo-2023"}' "$beacon_url/api/v1/session" >/dev/null ||
  { echo "run.sh: no demo login ${LOGIN:-admin} on $database (web.demo_accounts)" >&2; exit 1; }
cookie="Cookie: beacon_session=$(awk '$6=="beacon_session" {print $7}' "$work/cookies")"
rss() { awk '/^VmRSS/ {print int($2/1024)}' "/proc/$beacon_pid/status"; }
hwm() { awk '/^VmHWM/ {print int($2/1024)}' "/proc/$beacon_pid/status"; }
rss_start=$(rss)

declare -A path=(
  [dashboard]="/?as_of=$as_of"
  [plan-status]="/summaries?kind=plan-status&as_of=$as_of&format=html"
  [city-annual]="/summaries?kind=city-annual&year=${as_of%%-*}&format=html"
  [obligations]="/api/v1/obligations?as_of=$as_of&status=overdue&limit=50"
  [plans]="/plans"
  [drills]="/drills"
  [drills-new]="/drills/new"
)
# PAGES: a subset of these names (e.g. PAGES="plans drills drills-new"); CLI=0 skips the cold CLI runs.
read -r -a order <<<"${PAGES:-dashboard plan-status city-annual obligations plans drills drills-new}"
for name in "${order[@]}"; do  # warm: the first check after start-up evaluates the city
  curl -fsS -o /dev/null -H "$cookie" "$beacon_url${path[$name]}" ||
    { echo "run.sh: GET ${path[$name]} failed" >&2; exit 1; }
done
echo "== $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); wrk -t$wrk_threads -c$connections -d$duration --latency; server threads $server_threads"
echo "   database $database: $(sqlite3 "$database" 'SELECT count(*) FROM plans' 2>/dev/null || echo '?') plans, $(sqlite3 "$database" 'SELECT count(*) FROM drills' 2>/dev/null || echo '?') drills"
rps() { awk '/^Requests\/sec/ {print $2}' "$1"; }
requests() { awk '/requests in/ {print $1}' "$1"; }
# KB per answer (headers included), from wrk's "N requests in Ts, XMB read".
answer_kb() {
  awk '/requests in/ {v = $5; u = v; gsub(/[0-9.]/, "", u); sub(/read/, "", u); v += 0;
    m = (u == "GB") ? 1048576 : (u == "MB") ? 1024 : (u == "KB") ? 1 : 1 / 1024;
    if ($1 > 0) printf "%.1f", v * m / $1}' "$1"
}
# The server's CPU time (user + system) in ms, from /proc (clock ticks).
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$1/stat"; }
# name, wrk output, server CPU ms during the run; the last column is hello's server CPU per
# request over this one's (the CPU ratio, which the machine's load skews less than req/s).
line() {
  local per
  per=$(awk -v c="$3" -v n="$(requests "$2")" 'BEGIN {if (n > 0) printf "%.4f", c / n}')
  printf '%-14s %10s req/s  %6s%% of hello   p50 %8s   p99 %8s   server CPU %7s ms/req (%5s%% of hello by CPU)   %6s KB/answer   load %s   errors %s\n' \
    "$1" "$(rps "$2")" "$(awk -v a="$(rps "$2")" -v b="$hello_rps" 'BEGIN {printf "%.1f", 100*a/b}')" \
    "$(awk '$1=="50%" {print $2}' "$2")" "$(awk '$1=="99%" {print $2}' "$2")" "$per" \
    "$(awk -v a="$hello_cpu" -v b="$per" 'BEGIN {if (b > 0) printf "%.1f", 100*a/b}')" "$(answer_kb "$2")" \
    "$(cut -d' ' -f1 /proc/loadavg)" "$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' "$2")"
}
hello_cpu_before=$(cpu_ms "$hello_pid")
wrk -t"$wrk_threads" -c"$connections" -d"$duration" --latency "$hello_url/" >"$work/hello.wrk"
hello_rps=$(rps "$work/hello.wrk")
hello_cpu_ms=$(($(cpu_ms "$hello_pid") - hello_cpu_before))
hello_cpu=$(awk -v c="$hello_cpu_ms" -v n="$(requests "$work/hello.wrk")" 'BEGIN {if (n > 0) printf "%.4f", c / n}')
line hello "$work/hello.wrk" "$hello_cpu_ms"
for name in "${order[@]}"; do
  cpu_before=$(cpu_ms "$beacon_pid")
  wrk -t"$wrk_threads" -c"$connections" -d"$duration" --latency -H "$cookie" "$beacon_url${path[$name]}" \
    >"$work/$name.wrk"
  line "$name" "$work/$name.wrk" "$(($(cpu_ms "$beacon_pid") - cpu_before))"
  [ "$name" = plan-status ] && echo "               server RSS after 8 concurrent dashboards and plan-status pages: $(rss) MB (peak $(hwm) MB, $rss_start MB at start)"
done
kill -TERM "$beacon_pid"; wait "$beacon_pid" 2>/dev/null || true

[ "${CLI:-1}" = 0 ] && exit 0
for cmd in "check --as-of $as_of" "summary --kind plan-status --as-of $as_of --format text" \
           "summary --kind city-annual --year ${as_of%%-*} --format text"; do
  # shellcheck disable=SC2086
  /usr/bin/time -f '%e %M %U %S' -o "$work/time" "${b[@]}" $cmd >/dev/null 2>"$work/cli.err" ||
    { cat "$work/cli.err" >&2; exit 1; }
  read -r secs kb user sys <"$work/time"
  printf 'beacon %-58s cold %6.0f ms (CPU %6.0f ms)  %5d MB peak   load %s\n' "$cmd" \
    "$(awk -v s="$secs" 'BEGIN {print s*1000}')" "$(awk -v u="$user" -v s="$sys" 'BEGIN {print (u+s)*1000}')" \
    $((kb / 1024)) "$(cut -d' ' -f1 /proc/loadavg)"
done
