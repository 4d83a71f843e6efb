#!/bin/sh
# The storage seam (issue #12): only host/src/store/ talks to SQLite
# (sqlite3.h, sqlite3_* calls, Poco/Data/SQLite headers), and the folders in
# SQL_CLEAN hold no SQL text (their statements live in store/ repositories and
# named queries). Prints each offending file:line and exits 1; prints nothing
# and exits 0 when the seam holds.
# Usage: check_store_seam.sh HOST_SRC_DIR
set -u
src=${1:?usage: check_store_seam.sh HOST_SRC_DIR}
cd "$src" || exit 2

# Files outside store/ that still use SQLite directly (none since the rules
# engine's fast readers moved into the SQLite dialect, issue #12).
# This list only shrinks: a file that no longer uses SQLite must leave it.
KNOWN_SQLITE=""
# Folders with no SQL text. A folder joins once it is clean.
SQL_CLEAN="app auth demo http io mail plugins render rules service summary"

SQLITE_USE='#[[:space:]]*include[[:space:]]*[<"](sqlite3\.h|Poco/Data/SQLite/)|\bsqlite3_[a-z0-9_]+|Poco::Data::SQLite\b|struct sqlite3(_stmt)?;'
# Statement text in a string literal (upper-case keywords, as all of Beacon's SQL is written).
SQL_TEXT='"[^"]*\b(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM|REPLACE INTO|PRAGMA|CREATE (TABLE|INDEX|UNIQUE INDEX|TRIGGER|VIEW)|ALTER TABLE|DROP (TABLE|INDEX|TRIGGER|VIEW)|FROM [a-z_]+( |"|$)|WHERE [a-z_.]+ (=|IN|<|>|IS|LIKE))'

status=0
report() {
  echo "$1"
  status=1
}

hits=$(grep -rnE "$SQLITE_USE" --include='*.h' --include='*.cpp' . | sed 's#^\./##' | grep -v '^store/')
for known in $KNOWN_SQLITE; do
  if [ -f "$known" ] && ! printf '%s\n' "$hits" | grep -q "^$known:"; then
    report "$known: no longer uses SQLite; remove it from KNOWN_SQLITE in $0"
  fi
  hits=$(printf '%s\n' "$hits" | grep -v "^$known:")
done
printf '%s\n' "$hits" | while IFS= read -r line; do
  [ -n "$line" ] && echo "$line: SQLite used outside host/src/store/"
done
[ -n "$(printf '%s' "$hits" | tr -d '\n')" ] && status=1

for dir in $SQL_CLEAN; do
  [ -d "$dir" ] || continue
  sql=$(grep -rnE "$SQL_TEXT" --include='*.h' --include='*.cpp' "$dir")
  if [ -n "$sql" ]; then
    printf '%s\n' "$sql" | sed 's/$/: SQL text outside host\/src\/store\//'
    status=1
  fi
done
exit $status
