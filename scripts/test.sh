#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to every test: installs what is
# missing, builds, runs the whole GoogleTest suite through CTest, then (when
# clang is there) builds the libFuzzer targets in build-fuzz/ and runs each
# for a few seconds (CTest label fuzz; bench/fuzz/README.md has the long runs).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/install-test-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure -j2 --timeout 300
if command -v clang++ >/dev/null; then
  cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DBEACON_BUILD_FUZZ=ON \
    -DBEACON_BUILD_TESTS=OFF -DBEACON_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build build-fuzz -j2 --target beacon_fuzzers
  ctest --test-dir build-fuzz -L fuzz --output-on-failure -j2
else
  echo "clang++ not found: fuzz targets skipped"
fi
