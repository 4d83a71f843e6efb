#!/usr/bin/env bash
# Installs what the browser test needs beyond the build: Debian's chromium, a CJK
# font and, in tests/browser/, playwright-core from the committed package-lock.json;
# clang with its sanitizer and libFuzzer runtimes for the fuzz targets (fuzz/); the openssl
# command for the TLS tests; and the PostgreSQL 15 server, for the tests on a throwaway cluster (scripts/pg-cluster.sh).
# Nothing downloads a browser build: the test drives /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
missing=()
# fonts-wqy-microhei: a CJK font, so the zh-CN pages render in Chromium (screenshots) instead of boxes.
# clang, libclang-rt-dev: clang++ -fsanitize=fuzzer,address,undefined for fuzz/.
# postgresql: initdb and pg_ctl for scripts/pg-cluster.sh (no cluster of its own is used).
# openssl: the TLS tests (http_tests TlsTest, browser_offline_drill) make their certificate with it.
# curl: the package test (tests/end_to_end/package_deb.sh) asks the unpacked server for its pages.
# ccache: scripts/build.sh compiles through it when present, so the package test's second tree
# (build-deb, same sources and flags) costs its links, not a second compile.
for p in chromium fonts-wqy-microhei clang libclang-rt-dev postgresql openssl curl ccache; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js and npm come with the machine (they may not be Debian's packages, whose npm would conflict).
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" 2>/dev/null; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
  fi
fi
# npm ci unless every pinned package (playwright-core, axe-core) is already there at its version.
cd tests/browser
if ! node -e 'const deps = require("./package.json").dependencies;
  process.exit(Object.entries(deps).every(([name, want]) =>
    require("./node_modules/" + name + "/package.json").version === want) ? 0 : 1)' 2>/dev/null; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
