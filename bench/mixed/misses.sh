#!/usr/bin/env bash
# Server CPU per cache miss of list URLs (bench/README.md, "Mixed load"): each PATH is fetched
# COUNT times with a unique `u=` parameter (so every request is a miss of the response cache),
# after one warm-up, and the server's CPU time (user + system, /proc) is divided by the requests.
# The sequential client (curl) waits for each answer, so the figure does not depend on how many
# cores the server gets. Not run in CI.
#
# usage: bench/mixed/misses.sh BUILD_DIR [DATABASE (a fresh demo city)] [PATH...]
#   PATH: default the list kinds of bench/mixed/run.sh (a village, a township, city-wide by domain)
#   env: COUNT (100)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=$1; shift
database=${1:-}; [ $# -gt 0 ] && shift
beacon=$build/bin/beacon
count=${COUNT:-100}
[ -x "$beacon" ] || { echo "misses.sh: $beacon is not built" >&2; exit 2; }
. bench/lib/servers.sh
bench_need curl
bench_workdir misses
if [ -z "$database" ]; then
  database=$work/beacon.db
  "$beacon" --db "$database" init --demo xinmi-2023 >/dev/null
fi
start_server "$work/beacon.out" "$beacon" --db "$database" serve --listen 127.0.0.1:0 --threads 2 --quiet
token=$("$beacon" --db "$database" user token admin --label misses --scope read 2>/dev/null | awk 'NR == 1')
[[ $token == bcn_* ]] || { echo "misses.sh: no API token: $token" >&2; exit 1; }
if [ $# -eq 0 ]; then
  village=$("$beacon" --db "$database" org list | awk -F'\t' '$3=="村" {print $1; exit}')
  township=$("$beacon" --db "$database" org list | awk -F'\t' '$3=="乡镇" {print $1; exit}')
  set -- "/api/v1/drills?org=$village&limit=20" "/api/v1/drills?org=$township&limit=20" \
    "/api/v1/drills?org=$township&limit=50&domain=fire" "/api/v1/drills?domain=flood&limit=20" \
    "/api/v1/drills?domain=fire&limit=50" "/api/v1/plans?owner=$township&limit=20"
fi
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$server_pid/stat"; }
echo "== $(date -u +%FT%TZ) $build, load $(cut -d' ' -f1 /proc/loadavg); $count misses per path"
for path in "$@"; do
  curl -fsS -o /dev/null -H "Authorization: Bearer $token" "$url$path"
  for i in $(seq "$count"); do printf 'url = "%s"\noutput = "/dev/null"\n' "$url$path&u=$i"; done >"$work/urls"
  before=$(cpu_ms)
  curl -fsS -H "Authorization: Bearer $token" -K "$work/urls"
  printf '%-60s %7.3f ms CPU per miss\n' "$path" "$(awk -v c="$(($(cpu_ms) - before))" -v n="$count" 'BEGIN {print c / n}')"
done
