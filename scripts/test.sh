#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to every test: installs what is
# missing, builds, runs the whole GoogleTest suite through CTest, the PostgreSQL tests on a
# throwaway cluster (scripts/pg-cluster.sh), then (when
# clang is there) builds the libFuzzer targets in build-fuzz/ and runs each
# for a few seconds (CTest label fuzz; bench/fuzz/README.md has the long runs); last, the
# README's demo command through scripts/check-demo.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
# Each step's time, so CI's log shows where its minutes go.
phase() { echo "== scripts/test.sh: $1 at $SECONDS s"; }
phase "install"
scripts/install-deps.sh
scripts/install-test-deps.sh
phase "build"
scripts/build.sh
phase "SQLite tests"
# The postgres label runs below, on its cluster (under CI a skipped PostgreSQL test fails).
ctest --test-dir build --output-on-failure -j2 --timeout 300 -LE 'postgres|package'
# The PostgreSQL tests (CTest label postgres) on a throwaway cluster, stopped on the way out
# even when a test fails; then every other test binary again, whole, on it (issue 12: each test's
# database is a schema of its own there, support/test_database.h; the web suites each get a copy
# of one template database holding the demo city, support/template_database.h).
# The binaries run two at a time (longest first), each into its own log, printed when it fails.
phase "PostgreSQL tests"
pgdir=$(mktemp -d /tmp/beacon-pg.XXXXXX)
trap 'scripts/pg-cluster.sh stop "$pgdir"; rm -rf "$pgdir"' EXIT
uri=$(scripts/pg-cluster.sh start "$pgdir")
BEACON_TEST_DB_URI=$uri ctest --test-dir build -L postgres --output-on-failure -j2 --timeout 300
mkdir "$pgdir/logs"
printf '%s\n' http_tests cli_tests rules_tests service_tests summary_tests store_tests io_tests mail_tests |
  BEACON_TEST_DB_URI=$uri xargs -P 2 -I{} sh -c \
    'build/bin/{} --gtest_brief=1 >"$0/{}.log" 2>&1 && echo "{}: passed on PostgreSQL" ||
     { echo "{}: FAILED on PostgreSQL"; cat "$0/{}.log"; exit 1; }' "$pgdir/logs"
scripts/pg-cluster.sh stop "$pgdir"
rm -rf "$pgdir"
trap - EXIT
phase "fuzz"
if command -v clang++ >/dev/null; then
  cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DBEACON_BUILD_FUZZ=ON \
    -DBEACON_BUILD_TESTS=OFF -DBEACON_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build build-fuzz -j2 --target beacon_fuzzers
  ctest --test-dir build-fuzz -L fuzz --output-on-failure -j2
else
  echo "clang++ not found: fuzz targets skipped"
fi
# The README's other command: scripts/run-demo.sh prints the 2023 text and serves the pages.
phase "demo"
scripts/check-demo.sh
# The Debian package (label package): built in build-deb (a second, /usr-prefixed tree of the host,
# whose compiles ccache serves from build/'s), unpacked into a scratch root and served.
# BEACON_TEST_PACKAGE=0 leaves it out.
if [ "${BEACON_TEST_PACKAGE:-1}" = 1 ]; then
  phase "package"
  ctest --test-dir build -L package --output-on-failure --timeout 1800
fi
phase "done"
