#!/usr/bin/env bash
# Long fuzz runs, one target after another on one core (see README.md):
#   bench/fuzz/run.sh [SECONDS [TARGET...]]     default 600 s each, every target
# Needs the build-fuzz/ tree (scripts/test.sh configures it). Each target keeps
# its growing corpus in build-fuzz/fuzz/long/<target>/corpus (seeded from
# fuzz/corpus/<target>/), its findings in .../artifacts/ and its log in .../log.
# Prints per target: executions, executions per second, corpus entries, findings.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}
shift || true
targets=${*:-csv_reader_fuzzer csv_import_fuzzer json_body_fuzzer multipart_form_fuzzer holiday_calendar_fuzzer properties_fuzzer}
cmake --build build-fuzz -j1 --target beacon_fuzzers >/dev/null
printf '%-26s %12s %8s %8s %s\n' target executions exec/s corpus findings
for t in $targets; do
  work=build-fuzz/fuzz/long/$t
  mkdir -p "$work/corpus" "$work/artifacts"
  rc=0
  build-fuzz/bin/$t -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" "$work/corpus" "fuzz/corpus/$t" >"$work/log" 2>&1 || rc=$?
  execs=$(awk '/stat::number_of_executed_units/ {print $2}' "$work/log")
  rate=$(awk '/stat::average_exec_per_sec/ {print $2}' "$work/log")
  findings=$(ls "$work/artifacts" | tr '\n' ' ')
  printf '%-26s %12s %8s %8s %s\n' "$t" "${execs:-?}" "${rate:-?}" "$(ls "$work/corpus" | wc -l)" \
    "${findings:-none}$([ "$rc" -eq 0 ] || echo " (exit $rc)")"
done
