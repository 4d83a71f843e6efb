#!/usr/bin/env bash
# Keeps the README's first command honest: runs scripts/run-demo.sh exactly as a user would (it
# installs what is missing and builds, both no-ops after scripts/test.sh), on a free loopback
# port, and checks that it prints the 2023 report text and then serves the login page. Stops the
# server on the way out, even on failure. Called at the end of scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
# Needs only bash (its /dev/tcp): a fresh machine may have neither curl nor python.
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=""
for p in $(shuf -i 20000-60000 -n 50); do listening "$p" || { port=$p; break; }; done
[ -n "$port" ] || { echo "no free loopback port found" >&2; exit 1; }
login_page_served() (
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
  local status
  IFS= read -r -t 5 status <&3 || status=""
  exec 3<&- 3>&-
  [[ "$status" == "HTTP/1.1 200"* ]]
)
log=$(mktemp /tmp/beacon-demo.XXXXXX)
LISTEN=127.0.0.1:$port setsid scripts/run-demo.sh >"$log" 2>&1 &
pid=$!
trap 'kill -- -$pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -f "$log"' EXIT
ok=""
for _ in $(seq 1 600); do
  if ! kill -0 $pid 2>/dev/null; then break; fi
  if login_page_served 2>/dev/null; then ok=1; break; fi
  sleep 0.5
done
if [ -z "$ok" ]; then
  echo "scripts/run-demo.sh did not serve http://127.0.0.1:$port/login; its output:" >&2
  cat "$log" >&2
  exit 1
fi
if ! grep -q "修订应急预案403部" "$log"; then
  echo "scripts/run-demo.sh served, but did not print the 2023 report text; its output:" >&2
  cat "$log" >&2
  exit 1
fi
echo "scripts/run-demo.sh: prints the 2023 report text and serves http://127.0.0.1:$port/login"
