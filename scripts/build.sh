#!/usr/bin/env bash
# Configures and builds Beacon (host, plugins, tests) into build/.
set -euo pipefail
cd "$(dirname "$0")/.."
launcher=()
if command -v ccache >/dev/null; then
  # scripts/test.sh installs ccache: the package test's tree (build-deb, scripts/package.sh) then
  # finds every object this build compiled. Paths are hashed relative to the checkout, not the folder.
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=1
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >/dev/null
cmake --build build -j2
