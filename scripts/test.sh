#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to every test: installs what is
# missing, builds, runs the whole GoogleTest suite through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/install-test-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure -j2 --timeout 300
