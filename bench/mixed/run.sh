#!/usr/bin/env bash
# Mixed load on `beacon serve` (issue 13, "Writes don't wipe reads"): 200 varied list URLs read
# by wrk, first alone, then beside a steady stream of drill POSTs, in one run (bench/README.md,
# "Mixed load"). Not run in CI.
#
# usage: bench/mixed/run.sh [BUILD_DIR (build)]
#   env: DURATION (15s), CONNECTIONS (16), WRK_THREADS (2), SERVER_THREADS (8), POST_RATE (100/s),
#   PERF (a file: `perf record -e cpu-clock --call-graph dwarf` of the server during the mixed
#   run is written there; PERF_PHASE=alone profiles the write-free run instead), COUNT_MISSES
#   (1: wrk counts the answers that were cache misses; costs wrk some CPU)
# Needs: BUILD_DIR/bin/beacon with the plugins, wrk, python3, curl (wrk and curl installed here if
# missing, by bench/lib/servers.sh, which also starts the server).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
beacon=$build/bin/beacon
duration=${DURATION:-15s}
connections=${CONNECTIONS:-16}
wrk_threads=${WRK_THREADS:-2}
server_threads=${SERVER_THREADS:-8}
post_rate=${POST_RATE:-100}
[ -x "$beacon" ] || { echo "run.sh: $beacon is not built" >&2; exit 2; }
. bench/lib/servers.sh
bench_need wrk curl
bench_workdir mixed

db=$work/beacon.db
"$beacon" --db "$db" init --demo xinmi-2023 >/dev/null
"$beacon" --db "$db" org list | awk -F'\t' '$3=="村" || $3=="社区" {print $1}' >"$work/orgs.txt"
quiet=--quiet; [ "${ACCESS_LOG:-0}" = 1 ] && quiet=""
start_server "$work/beacon.out" "$beacon" --db "$db" serve --listen 127.0.0.1:0 --threads "$server_threads" $quiet
beacon_url=$url
beacon_pid=$server_pid
# The demo accounts exist once the server has started on the demo database.
token=$("$beacon" --db "$db" user token admin --label mixed --scope write 2>/dev/null | awk 'NR == 1')
[[ $token == bcn_* ]] || { echo "run.sh: no API token: $token" >&2; exit 1; }
auth="Authorization: Bearer $token"

# 200 list URLs: drill lists of 100 villages and communities (half of them of one domain), of every
# township and sub-district, plan lists by owner and city-wide drill and plan lists by domain.
"$beacon" --db "$db" org list | awk -F'\t' '$3=="乡镇" || $3=="街道" {print $1}' >"$work/townships.txt"
"$beacon" --db "$db" org list | awk -F'\t' '$3=="部门" {print $1}' >"$work/departments.txt"
{
  awk 'NR % 3 == 1 && n < 100 {n++; d = (n % 2) ? "&domain=flood" : ""; print "/api/v1/drills?org=" $1 "&limit=20" d}' \
    "$work/orgs.txt"
  awk '{print "/api/v1/drills?org=" $1 "&limit=20"; print "/api/v1/drills?org=" $1 "&limit=50&domain=fire";
        print "/api/v1/plans?owner=" $1 "&limit=20"}' "$work/townships.txt"
  awk 'NR <= 40 {print "/api/v1/plans?owner=" $1 "&limit=20"}' "$work/departments.txt"
  for d in flood fire forest_fire enterprise_safety; do
    for l in 10 20 50; do echo "/api/v1/drills?domain=$d&limit=$l"; echo "/api/v1/plans?domain=$d&limit=$l"; done
  done
} >"$work/candidates.txt"
head -200 "$work/candidates.txt" >"$work/urls.txt"  # a file, not a pipe: no SIGPIPE under pipefail
urls=$(wc -l <"$work/urls.txt")
while read -r path; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "$beacon_url$path")
  [ "$code" = 200 ] || { echo "run.sh: $path answered $code" >&2; exit 1; }
done <"$work/urls.txt"

echo "== $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $urls list URLs;" \
  "wrk -t$wrk_threads -c$connections -d$duration --latency; $post_rate drill POSTs/s; server threads $server_threads"
# The server's CPU time (user + system) in ms, from /proc (clock ticks).
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$beacon_pid/stat"; }
lists() {  # phase (alone or mixed): wrk output to $work/PHASE.wrk, server CPU ms to $work/PHASE.cpu
  local before perf_pid=""
  if [ -n "${PERF:-}" ] && [ "${PERF_PHASE:-mixed}" = "$1" ]; then
    perf record -q -e cpu-clock -F 499 --call-graph dwarf,16384 -p "$beacon_pid" -o "$PERF" \
      -- sleep "${duration%s}" 2>/dev/null &
    perf_pid=$!
  fi
  before=$(cpu_ms)
  BEACON_URLS=$work/urls.txt BEACON_TOKEN=$token BEACON_COUNT_MISSES=${COUNT_MISSES:-0} \
    wrk -t"$wrk_threads" -c"$connections" -d"$duration" --latency -s bench/mixed/lists.lua "$beacon_url" \
    >"$work/$1.wrk"
  echo $(($(cpu_ms) - before)) >"$work/$1.cpu"
  [ -z "$perf_pid" ] || wait "$perf_pid" || true
}
lists alone
seconds=${duration%s}
python3 bench/mixed/post_steady.py "$beacon_url" "$token" $((seconds + 2)) "$post_rate" "$work/orgs.txt" \
  >"$work/posts.json" &
posts=$!
sleep 1
lists mixed
wait "$posts"
echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

rps() { awk '/^Requests\/sec/ {print $2}' "$1"; }
pct() { awk -v p="$2" '$1==p {print $2}' "$1"; }
# Server CPU ms per list request of a phase (beside the writes it includes the POSTs' CPU).
cpu_per() { awk -v c="$(cat "$work/$1.cpu")" -v n="$(awk '/requests in/ {print $1}' "$work/$1.wrk")" \
  'BEGIN {if (n > 0) printf "%.3f", c / n}'; }
for f in alone mixed; do echo "--- wrk lists $f"; cat "$work/$f.wrk"; done
echo "--- posts: $(cat "$work/posts.json")"
echo "---"
printf '%-34s %10s req/s   p50 %8s   p99 %8s   server CPU %s ms/req (%s ms)\n' "lists alone" \
  "$(rps "$work/alone.wrk")" "$(pct "$work/alone.wrk" 50%)" "$(pct "$work/alone.wrk" 99%)" \
  "$(cpu_per alone)" "$(cat "$work/alone.cpu")"
printf '%-34s %10s req/s   p50 %8s   p99 %8s   server CPU %s ms/req (%s ms, POSTs included)\n' \
  "lists beside $post_rate POSTs/s" "$(rps "$work/mixed.wrk")" "$(pct "$work/mixed.wrk" 50%)" \
  "$(pct "$work/mixed.wrk" 99%)" "$(cpu_per mixed)" "$(cat "$work/mixed.cpu")"
python3 - "$work/posts.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
print("%-34s %10s /s      p50 %6s ms  p99 %6s ms  p99.9 %6s ms  max %s ms  (%d of %d 201, %d other)" % (
    "drill POSTs", p["rate"], p["p50_ms"], p["p99_ms"], p["p99_9_ms"], p["max_ms"], p["ok"], p["sent"], p["others"]))
PY
grep -h "cache misses" "$work/alone.wrk" "$work/mixed.wrk" | paste -sd ';' | sed 's/^/(alone; beside the writes) /' || true
echo "lists beside writes: $(awk -v a="$(rps "$work/mixed.wrk")" -v b="$(rps "$work/alone.wrk")" \
  'BEGIN {printf "%.2f", a/b}') of the write-free rate (target >= 0.70)"
