#!/usr/bin/env bash
# Long fuzz runs, one target after another on one core (see README.md):
#   bench/fuzz/run.sh [SECONDS [TARGET...]]     default 600 s each, every target
# Needs the build-fuzz/ tree (scripts/test.sh configures it). Each target keeps
# its growing corpus in build-fuzz/fuzz/long/<target>/corpus (seeded from
# fuzz/corpus/<target>/), its findings in .../artifacts/ and its log in .../log.
# Prints per target: executions, executions per wall-clock second and per CPU
# second (user+sys of the fuzzer: on a shared machine the wall rate is mostly
# the other load), corpus entries, findings.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}
shift || true
targets=${*:-csv_reader_fuzzer csv_import_fuzzer json_body_fuzzer multipart_form_fuzzer holiday_calendar_fuzzer properties_fuzzer}
cmake --build build-fuzz -j1 --target beacon_fuzzers >/dev/null
printf '%-26s %12s %8s %10s %8s %s\n' target executions exec/s exec/cpu-s corpus findings
TIMEFORMAT='%U %S'
for t in $targets; do
  work=build-fuzz/fuzz/long/$t
  mkdir -p "$work/corpus" "$work/artifacts"
  rc=0
  { time build-fuzz/bin/$t -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$work/artifacts/" "$work/corpus" "fuzz/corpus/$t" >"$work/log" 2>&1 || rc=$?; } 2>"$work/cpu"
  cpu=$(awk '{printf "%.1f", $1 + $2}' "$work/cpu")
  execs=$(awk '/stat::number_of_executed_units/ {print $2}' "$work/log")
  rate=$(awk '/stat::average_exec_per_sec/ {print $2}' "$work/log")
  findings=$(ls "$work/artifacts" | tr '\n' ' ')
  per_cpu=$(awk -v e="${execs:-0}" -v c="$cpu" 'BEGIN {if (c > 0) printf "%d", e / c; else print "?"}')
  printf '%-26s %12s %8s %10s %8s %s\n' "$t" "${execs:-?}" "${rate:-?}" "$per_cpu" "$(ls "$work/corpus" | wc -l)" \
    "${findings:-none}$([ "$rc" -eq 0 ] || echo " (exit $rc)")"
done
