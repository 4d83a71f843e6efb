# Sourced by bench/mixed/run.sh (from the root of the checkout), after it
# set $beacon (the binary) and $server_threads: a temporary folder $work (removed on exit, with
# every server started stopped: bench/lib/servers.sh), a fresh demo database $db with its villages and
# communities in $work/orgs.txt, start_server OUT CMD... (runs CMD in the background, sets $url
# from the "listening on http://..." line it prints, sets $server_pid) and start_beacon
# (`beacon serve` on $db with $server_threads workers, --quiet unless ACCESS_LOG=1; sets
# $beacon_url, an admin API $token of scope write and the $auth header).
. bench/lib/servers.sh
bench_workdir wrk

db=$work/beacon.db
"$beacon" --db "$db" init --demo xinmi-2023 >/dev/null
"$beacon" --db "$db" org list | awk -F'\t' '$3=="村" || $3=="社区" {print $1}' >"$work/orgs.txt"

start_beacon() {
  local quiet=--quiet
  [ "${ACCESS_LOG:-0}" = 1 ] && quiet=""
  start_server "$work/beacon.out" "$beacon" --db "$db" serve --listen 127.0.0.1:0 --threads "$server_threads" $quiet
  beacon_url=$url
  # The demo accounts exist once the server has started on the demo database.
  token=$("$beacon" --db "$db" user token admin --label wrk --scope write 2>/dev/null | awk 'NR == 1')
  [[ $token == bcn_* ]] || { echo "$0: no API token: $token" >&2; exit 1; }
  auth="Authorization: Bearer $token"
}
