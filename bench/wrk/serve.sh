# Sourced by bench/wrk/run.sh and bench/mixed/run.sh (from the root of the checkout), after they
# set $beacon (the binary) and $server_threads: a temporary folder $work (removed on exit, with
# every server started here stopped), a fresh demo database $db with its villages and
# communities in $work/orgs.txt, start_server OUT CMD... (runs CMD in the background, sets $url
# from the "listening on http://..." line it prints, appends its pid to $pids) and start_beacon
# (`beacon serve` on $db with $server_threads workers, --quiet unless ACCESS_LOG=1; sets
# $beacon_url, an admin API $token of scope write and the $auth header).
work=$(mktemp -d /tmp/beacon-wrk.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

start_server() {
  local out=$1; shift
  "$@" >"$out" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do
    url=$(grep -o 'http://[0-9.]*:[0-9]*' "$out" | head -1 || true)
    [ -n "$url" ] && return 0
    sleep 0.1
  done
  echo "$0: no address from $*:" >&2; cat "$out" >&2; exit 1
}

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
