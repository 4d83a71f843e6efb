#!/usr/bin/env bash
# Builds the Debian package: configures a tree for the prefix /usr (build-deb/, or $BUILD_DIR),
# builds the binary and plugins only (no tests, no benchmarks) and runs `cpack -G DEB` there
# (cmake/BeaconPackage.cmake). Prints the path of the .deb on its last line.
#   sudo apt install ./build-deb/beacon_*.deb   # then: systemctl status beacon; curl 127.0.0.1:8080/readyz
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build-deb}
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  # The same sources compiled in another build folder at the same depth (build/, build-deb/) still
  # hit the cache: paths are hashed relative to the checkout, and the build folder is not hashed.
  export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=1
fi
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr \
      -DBEACON_BUILD_TESTS=OFF -DBEACON_BUILD_BENCH=OFF "${launcher[@]}" >/dev/null
cmake --build "$build" -j"${JOBS:-2}"
rm -f "$build"/beacon_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
ls "$(cd "$build" && pwd)"/beacon_*.deb
