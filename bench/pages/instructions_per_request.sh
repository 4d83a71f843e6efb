#!/usr/bin/env bash
# Instructions the server executes per sequential request of one path, counted by callgrind: the
# figure that holds on a shared machine whose load makes CPU time per request vary by ±20 %.
# Starts `beacon serve` under `valgrind --tool=callgrind --instr-atstart=no` on DATABASE (a copy
# is used), signs in (the demo admin's cookie, or with AUTH=token a read token of admin), requests
# PATH once to warm it, turns collection on, requests it N times one after another with curl
# (MISS=1: each with its own `u=` parameter, so each is a miss of the response cache), turns it
# off and prints the instructions (Ir) per request. Needs valgrind. Not run in CI.
#
# usage: bench/pages/instructions_per_request.sh BUILD_DIR DATABASE PATH [N (50)]
#   env: AUTH (cookie | token), MISS (0), SERVER_THREADS (2), KEEP (a file: the callgrind output
#   is copied there, for callgrind_annotate)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=$1
database=$2
page=$3
n=${4:-50}
beacon=$build/bin/beacon
[ -x "$beacon" ] || { echo "instructions_per_request.sh: $beacon is not built" >&2; exit 2; }
. bench/lib/servers.sh
bench_need curl valgrind
bench_workdir instructions
cp "$database" "$work/run.db"
SERVER_START_S=${SERVER_START_S:-600} start_server "$work/beacon.out" valgrind --tool=callgrind \
  --instr-atstart=no --callgrind-out-file="$work/callgrind.out" "$beacon" --db "$work/run.db" \
  serve --listen 127.0.0.1:0 --threads "${SERVER_THREADS:-2}" --quiet
if [ "${AUTH:-cookie}" = token ]; then
  token=$("$beacon" --db "$work/run.db" user token admin --label instructions --scope read 2>/dev/null | awk 'NR == 1')
  [[ $token == bcn_* ]] || { echo "instructions_per_request.sh: no API token: $token" >&2; exit 1; }
  header="Authorization: Bearer $token"
else
  curl -fsS -c "$work/cookies" -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"beacon-demo-2023"}' "$url/api/v1/session" >/dev/null
  header="Cookie: beacon_session=$(awk '$6=="beacon_session" {print $7}' "$work/cookies")"
fi
sep='?'; [[ $page == *'?'* ]] && sep='&'
curl -fsS -o /dev/null -H "$header" "$url$page"
for i in $(seq "$n"); do
  target=$url$page; [ "${MISS:-0}" = 1 ] && target="$url$page${sep}u=$i"
  printf 'url = "%s"\noutput = "/dev/null"\n' "$target"
done >"$work/urls"
callgrind_control -i on "$server_pid" >/dev/null 2>&1
curl -fsS -H "$header" -K "$work/urls"
callgrind_control -i off "$server_pid" >/dev/null 2>&1
callgrind_control -d "$server_pid" >/dev/null 2>&1
sleep 1
# One file per dump; each ends with the events it counted ("totals:").
total=$(cat "$work"/callgrind.out* | awk '/^totals:/ {s += $2} END {print s}')
[ -n "${KEEP:-}" ] && cat "$work"/callgrind.out* >"$KEEP"
awk -v t="$total" -v n="$n" -v p="$page" -v m="${MISS:-0}" -v a="${AUTH:-cookie}" 'BEGIN {
  printf "%s (%s, %s): %.0f instructions/req over %d sequential requests\n", p,
    (m == 1 ? "misses" : "as is"), a, t / n, n}'
