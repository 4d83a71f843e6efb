#!/usr/bin/env bash
# Server RSS (anonymous and file-backed) of `beacon serve` on DB at start, after one dashboard and one
# plan-status page as of 2023-12-31 (the second kept date), and after 5 s of wrk -c8 on each
# (issue 13 §2); GDB_TRIM=1 also prints it after a malloc_trim(0) called through gdb. Not run in CI.
# usage (from the root of a checkout): bench/pages/memory.sh BUILD_DIR DB [VAR=value ...]
#   DB is served as is (copy it first); VAR=value go to the server's environment (MALLOC_ARENA_MAX=2).
set -u
build=$1; db=$2; shift 2
port=$((30000 + RANDOM % 5000))
env "$@" $build/bin/beacon --db $db serve --listen 127.0.0.1:$port --threads 8 --quiet >${TMPDIR:-/tmp}/beacon-memory-server.out 2>&1 &
pid=$!
for i in $(seq 1 120); do grep -q listening ${TMPDIR:-/tmp}/beacon-memory-server.out && break; sleep 1; done
url=http://127.0.0.1:$port
curl -fsS -c ${TMPDIR:-/tmp}/beacon-memory-cookies -H 'Content-Type: application/json' -d '{"username":"admin","password":"beacon-demo-2023"}' $url/api/v1/session >/dev/null
cookie="Cookie: beacon_session=$(awk '$6=="beacon_session" {print $7}' ${TMPDIR:-/tmp}/beacon-memory-cookies)"
st() { grep -E "^(VmRSS|VmHWM|RssAnon|RssFile)" /proc/$pid/status | tr -s ' \t' ' ' | tr '\n' ' '; echo; }
echo "start: $(st)"
curl -fsS -o /dev/null -H "$cookie" "$url/?as_of=2023-12-31"
curl -fsS -o /dev/null -H "$cookie" "$url/summaries?kind=plan-status&as_of=2023-12-31&format=html"
echo "warm:  $(st)"
wrk -t2 -c8 -d5s -H "$cookie" "$url/?as_of=2023-12-31" | grep Requests/sec
wrk -t2 -c8 -d5s -H "$cookie" "$url/summaries?kind=plan-status&as_of=2023-12-31&format=html" | grep Requests/sec
echo "after: $(st)"
[ -n "${GDB_TRIM:-}" ] && gdb -p $pid -batch -ex 'call (int)malloc_trim(0)' >/dev/null 2>&1 && echo "trimmed: $(st)"
kill -TERM $pid; wait $pid 2>/dev/null
