# shellcheck shell=bash
# Shared by the benchmarks that put servers under wrk (bench/wrk/run.sh, bench/pages/run.sh):
# sourced, not run. Not run in CI.
#   bench_need TOOL...        installs the missing ones with apt-get (sudo when not root)
#   bench_workdir NAME        $work: a new /tmp/beacon-NAME.XXXXXX; on exit every server started
#                             with start_server is stopped and $work removed
#   start_server OUT CMD...   starts CMD in the background (output to OUT), waits until it prints
#                             its address ("http://HOST:PORT"; SERVER_START_S, default 120 s:
#                             `beacon serve` evaluates the city before it listens); sets $url and
#                             $server_pid
bench_need() {
  local missing=() tool
  for tool in "$@"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  local SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" ||
    { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"; }
}

bench_pids=()
bench_cleanup() {
  local p
  for p in "${bench_pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${bench_pids[@]}"; do wait "$p" 2>/dev/null || true; done
  [ -n "${work:-}" ] && rm -rf "$work"
}

bench_workdir() {
  work=$(mktemp -d "/tmp/beacon-$1.XXXXXX")
  trap bench_cleanup EXIT
}

start_server() {
  local out=$1; shift
  "$@" >"$out" 2>&1 &
  server_pid=$!
  bench_pids+=("$server_pid")
  local tries=$((${SERVER_START_S:-120} * 10))
  for _ in $(seq "$tries"); do
    url=$(grep -so 'http://[0-9.]*:[0-9]*' "$out" | head -1 || true)
    [ -n "$url" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "$(basename "$0"): no address from $*:" >&2; cat "$out" >&2; exit 1
}
