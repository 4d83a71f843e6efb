#!/bin/sh
# The web's wording lives in one catalogue (issue #14 §3, http/page_text.cpp):
# no file in host/src/http/ picks its words inline by language: no
# `english() ? …` at all, and no `en ? "…" : "…"` (a language flag choosing
# between text literals), on one line or across a line break. A phrase goes
# into the catalogue and is read with pageWord(key, english); a record's or
# plugin's own two labels go through http/label_language.h. And every key a
# file reads with pageWord("key", …) is in the catalogue (an unknown key reads
# as an empty text). Prints each offending file:line; exits 1 when there is
# one, 0 when none.
# Usage: check_page_text.sh HOST_SRC_DIR
set -u
src=${1:?usage: check_page_text.sh HOST_SRC_DIR}
cd "$src/http" || exit 2
status=0

inline=$(awk '
  function flag(line) { print FILENAME ":" line ": wording chosen inline; put it in http/page_text.cpp and use pageWord()" }
  FNR == 1 { prev = "" }
  {
    lang = "(^|[^A-Za-z0-9_.>])(english\\(\\)|en|english|english_)[ \t]*"
    if ($0 ~ /english\(\)[ \t]*\?/) flag(FNR)
    else if ($0 ~ (lang "\\?[ \t]*\\(?[ \t]*\"")) flag(FNR)
    else if (prev ~ (lang "$") && $0 ~ /^[ \t]*\?/) {
      if (prev ~ /english\(\)[ \t]*$/ || $0 ~ /^[ \t]*\?[ \t]*\(?[ \t]*"/) flag(FNR - 1)
    }
    prev = $0
  }' $(ls ./*.cpp | grep -v '/page_text\.cpp$') | sed 's#^\./#http/#')
if [ -n "$inline" ]; then
  printf '%s\n' "$inline"
  status=1
fi

keys=$(sed -n 's/^ *{"\([a-z0-9_]*\)",.*/\1/p' page_text.cpp)
for hit in $(grep -noE 'pageWord\("[a-z0-9_]+",' ./*.cpp | sed 's#^\./##; s/pageWord("//; s/",$//'); do
  key=${hit##*:}
  if ! printf '%s\n' "$keys" | grep -qx "$key"; then
    echo "http/${hit%:*}: pageWord key \"$key\" is not in http/page_text.cpp"
    status=1
  fi
done
exit $status
