#!/bin/sh
# Issue #12's end-to-end check: the demo city loaded into PostgreSQL prints the city's two 2023
# sentences (`summary --kind city-annual --year 2023 --format text`) byte for byte as on SQLite.
# Runs on the database BEACON_TEST_DB_URI names, in a schema of its own (dropped and made again);
# without it the test is skipped (exit 77), or fails under CI (scripts/test.sh starts a cluster).
# Usage: demo_city_on_postgres.sh BEACON_BINARY CONFIG_FILE
set -eu
beacon=${1:?usage: demo_city_on_postgres.sh BEACON CONFIG}
config=${2:?usage: demo_city_on_postgres.sh BEACON CONFIG}
uri=${BEACON_TEST_DB_URI:-}
case "$uri" in
  postgresql://*) ;;
  *)
    if [ -n "${CI:-}" ]; then echo "CI is set but BEACON_TEST_DB_URI names no PostgreSQL database" >&2; exit 1; fi
    echo "BEACON_TEST_DB_URI names no PostgreSQL database: skipped"; exit 77 ;;
esac
schema=beacon_demo_check_$$
dir=$(mktemp -d)
trap 'psql -q "$uri" -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1; rm -rf "$dir"' EXIT
psql -q -v ON_ERROR_STOP=1 "$uri" -c "CREATE SCHEMA $schema" >/dev/null
case "$uri" in *\?*) pg="$uri&schema=$schema" ;; *) pg="$uri?schema=$schema" ;; esac

"$beacon" --config "$config" --db "$dir/demo.db" init --demo xinmi-2023 >/dev/null
"$beacon" --config "$config" --db "$pg" init --demo xinmi-2023 >/dev/null
"$beacon" --config "$config" --db "$dir/demo.db" summary --kind city-annual --year 2023 --format text >"$dir/sqlite.txt"
"$beacon" --config "$config" --db "$pg" summary --kind city-annual --year 2023 --format text >"$dir/postgres.txt" 2>&1
grep -q "修订应急预案403部" "$dir/sqlite.txt" || { echo "SQLite's text lacks the 2023 figures:"; cat "$dir/sqlite.txt"; exit 1; }
if ! cmp -s "$dir/sqlite.txt" "$dir/postgres.txt"; then
  echo "PostgreSQL's text differs from SQLite's:"
  diff "$dir/sqlite.txt" "$dir/postgres.txt" || true
  exit 1
fi
echo "demo city on PostgreSQL: the 2023 text is identical to SQLite's"
