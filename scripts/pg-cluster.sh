#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (engineering-notes §9):
#   scripts/pg-cluster.sh start DIR   initdb (trust, as the postgres user when run as root) in DIR/data,
#                                     a Unix socket in DIR and a free 127.0.0.1 port; creates the
#                                     database "beacon" and prints its URI (also kept in DIR/uri)
#   scripts/pg-cluster.sh stop DIR    stops it (fast) and removes what start made in DIR
# PG_BINDIR names the server's bin folder (default: the newest /usr/lib/postgresql/*/bin).
# For tests only: trust authentication, fsync off.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
cmd=$1
dir=$2

bindir=${PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "$0: no PostgreSQL server found (install the postgresql package or set PG_BINDIR)" >&2
  exit 1
fi

# initdb and pg_ctl refuse to run as root: run them as the postgres user then.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A port nothing listens on (the start below retries if another process takes it first).
free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ -e "$dir/data" ]; then echo "$0: $dir/data exists (stop the cluster first)" >&2; exit 1; fi
    # The socket path must fit in sun_path (107 bytes).
    if [ ${#dir} -gt 80 ]; then echo "$0: $dir is too long for a Unix socket path" >&2; exit 1; fi
    [ "$(id -u)" -ne 0 ] || chown postgres "$dir"
    chmod 755 "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    for _ in 1 2 3 4 5; do
      port=$(free_port)
      if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
           -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
           start >/dev/null; then
        "$bindir/psql" -q -h "$dir" -p "$port" -U postgres -d postgres -c "CREATE DATABASE beacon" >/dev/null
        uri="postgresql://postgres@127.0.0.1:$port/beacon"
        echo "$uri" >"$dir/uri"
        echo "$uri"
        exit 0
      fi
    done
    echo "$0: the server did not start; see $dir/log" >&2
    exit 1
    ;;
  stop)
    [ -d "$dir/data" ] || exit 0
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    rm -rf "$dir/data" "$dir/log" "$dir/initdb.log" "$dir/uri"
    ;;
  *) usage ;;
esac
