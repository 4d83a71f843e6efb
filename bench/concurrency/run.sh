#!/usr/bin/env bash
# Concurrent writers against one database (see bench/concurrency/README.md). Not run in CI.
#
# usage: bench/concurrency/run.sh [BUILD_DIR (build)]
#   env: DURATION (30, seconds), CLIENTS (4), ROWS (50000, drills in the CSV import),
#        SERVER_THREADS (8)
# For DURATION seconds, CLIENTS API clients write drills, corrective actions (each then
# PATCHed to done) and reviews, while `beacon import drills` loads ROWS rows (started
# again when it finishes, until the time is up) and a `beacon drill add` loop runs.
# Then: every failed request and command, every acknowledged record looked up in the
# database, and PRAGMA integrity_check. Exit 1 on any failure.
# Needs: BUILD_DIR/bin/beacon with the plugins, python3, sqlite3.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
beacon=$build/bin/beacon
duration=${DURATION:-30}
clients=${CLIENTS:-4}
rows=${ROWS:-50000}
server_threads=${SERVER_THREADS:-8}
[ -x "$beacon" ] || { echo "run.sh: $beacon is not built (cmake --build $build --target beacon)" >&2; exit 2; }
for tool in python3 sqlite3; do command -v $tool >/dev/null || { echo "run.sh: needs $tool" >&2; exit 2; }; done

work=$(mktemp -d /tmp/beacon-concurrency.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

db=$work/beacon.db
b() { "$beacon" --db "$db" --user bench "$@"; }
b init --demo xinmi-2023 >/dev/null
villages=$(sqlite3 "$db" "SELECT group_concat(code || ':' || id) FROM (SELECT code, id FROM organisations
  WHERE kind IN ('village', 'community') ORDER BY id LIMIT 40)")
plan_ids=$(sqlite3 "$db" "SELECT group_concat(id) FROM (SELECT id FROM plans ORDER BY id LIMIT 20)")
drill_ids=$(sqlite3 "$db" "SELECT group_concat(id) FROM (SELECT id FROM drills ORDER BY id LIMIT 20)")
# The CSV for the import: ROWS fire drills over the same villages (English headers).
python3 - "$villages" "$rows" >"$work/drills.csv" <<'PY'
import sys
villages = [v.split(":")[0] for v in sys.argv[1].split(",")]
print("org_code,domain,drill_type,date,participants")
for i in range(int(sys.argv[2])):
    print("%s,fire,fire.evacuation,2024-%02d-%02d,%d" % (villages[i % len(villages)], 1 + i % 12, 1 + i % 28, 10 + i % 90))
PY

b serve --listen 127.0.0.1:0 --threads "$server_threads" --quiet >"$work/serve.out" 2>&1 &
pids+=($!)
url=""
for _ in $(seq 100); do
  url=$(grep -o 'http://[0-9.]*:[0-9]*' "$work/serve.out" | head -1 || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "run.sh: the server did not start:" >&2; cat "$work/serve.out" >&2; exit 1; }
token=$(b user token admin --label bench 2>/dev/null | head -1)
[[ $token == bcn_* ]] || { echo "run.sh: no API token: $token" >&2; exit 1; }
drills_before=$(sqlite3 "$db" "SELECT count(*) FROM drills")

echo "== $(date -u +%FT%TZ) $(nproc) cores; $clients API clients for ${duration}s, server threads $server_threads;"
echo "   beside them: beacon import drills ($rows rows, repeated) and a beacon drill add loop"
start=$(date +%s.%N)
python3 bench/concurrency/clients.py "$url" "$token" "$duration" "$clients" "$plan_ids" "$drill_ids" \
  "$villages" "$work" >"$work/clients.json" &
clients_pid=$!
end_at=$(($(date +%s) + duration))
(
  imports=0 failed=0
  while [ "$(date +%s)" -lt $end_at ]; do
    if b import drills "$work/drills.csv" >>"$work/import.out" 2>>"$work/import.err"; then
      imports=$((imports + 1))
    else
      failed=$((failed + 1)); echo "exit $?" >>"$work/import.err"
    fi
  done
  echo "$imports $failed" >"$work/import.count"
) &
import_pid=$!
(
  added=0 failed=0
  first_village=${villages%%,*}; first_village=${first_village%%:*}
  while [ "$(date +%s)" -lt $end_at ]; do
    if out=$(b drill add --org "$first_village" --type fire.evacuation --date 2024-03-0$((added % 9 + 1)) \
               --participants 9 2>>"$work/add.err"); then
      added=$((added + 1)); echo "$out" | grep -o '[0-9][0-9]*' | head -1 >>"$work/cli.ids"
    else
      failed=$((failed + 1)); echo "exit $?" >>"$work/add.err"
    fi
  done
  echo "$added $failed" >"$work/add.count"
) &
add_pid=$!
wait $clients_pid
wait $import_pid
wait $add_pid
elapsed=$(echo "$(date +%s.%N) - $start" | bc)
kill -TERM "${pids[0]}"; wait "${pids[0]}" || true; pids=()

read -r imports import_failed <"$work/import.count"
read -r added add_failed <"$work/add.count"
present() {  # table, id file: how many of the ids are rows of the table
  local n
  n=$(sqlite3 "$db" <<SQL
CREATE TEMP TABLE acked(id INTEGER PRIMARY KEY);
.mode csv
.import $2 acked
SELECT count(*) FROM acked JOIN $1 USING (id);
SQL
)
  echo "$n"
}
touch "$work/cli.ids"
api_drills=$(wc -l <"$work/drill.ids"); api_actions=$(wc -l <"$work/corrective_action.ids")
api_done=$(wc -l <"$work/corrective_action_done.ids"); api_reviews=$(wc -l <"$work/review.ids")
drills_present=$(present drills "$work/drill.ids")
actions_present=$(present corrective_actions "$work/corrective_action.ids")
done_present=$(sqlite3 "$db" "SELECT count(*) FROM corrective_actions WHERE status = 'done'
  AND id IN ($(paste -sd, "$work/corrective_action_done.ids" | sed 's/^$/0/'))")
reviews_present=$(present reviews "$work/review.ids")
cli_present=$(present drills "$work/cli.ids")
drills_after=$(sqlite3 "$db" "SELECT count(*) FROM drills")
expected_drills=$((drills_before + api_drills + added + imports * rows))
integrity=$(sqlite3 "$db" "PRAGMA integrity_check")
api_failed=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["failed"])' "$work/clients.json")
api_requests=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["requests"])' "$work/clients.json")

printf 'elapsed %.1f s\n' "$elapsed"
echo "API: $api_requests requests ($(awk -v n="$api_requests" -v t="$elapsed" 'BEGIN {printf "%.0f", n/t}')/s), $api_failed failed"
echo "     acknowledged: $api_drills drills, $api_actions corrective actions ($api_done PATCHed done), $api_reviews reviews"
echo "     present:      $drills_present drills, $actions_present corrective actions ($done_present done), $reviews_present reviews"
echo "CLI: beacon import drills: $imports runs of $rows rows, $import_failed failed"
echo "     beacon drill add: $added added, $add_failed failed; present: $cli_present"
echo "drills: $drills_before before, $drills_after after, expected $expected_drills"
echo "PRAGMA integrity_check: $integrity"
[ -s "$work/failures.txt" ] && { echo "--- first API failures"; head -5 "$work/failures.txt"; }
[ -s "$work/import.err" ] && { echo "--- import stderr"; head -5 "$work/import.err"; }
[ -s "$work/add.err" ] && { echo "--- drill add stderr"; head -5 "$work/add.err"; }
if [ "$api_failed" = 0 ] && [ "$import_failed" = 0 ] && [ "$add_failed" = 0 ] && [ "$integrity" = ok ] &&
   [ "$drills_present" = "$api_drills" ] && [ "$actions_present" = "$api_actions" ] &&
   [ "$done_present" = "$api_done" ] && [ "$reviews_present" = "$api_reviews" ] && [ "$cli_present" = "$added" ] &&
   [ "$drills_after" = "$expected_drills" ]; then
  echo "OK: 0 failed requests, 0 failed commands, every acknowledged record present"
else
  echo "FAILED" >&2
  exit 1
fi
