#!/usr/bin/env bash
# Installs the Debian 12 packages Beacon builds and tests with, if any is missing.
# libpoco-dev brings Poco::Data::PostgreSQL (libpocodatapostgresql80, libpq5); its headers
# include libpq-fe.h, which is libpq-dev's.
set -euo pipefail
packages=(g++ cmake make libpoco-dev libpq-dev libkainjow-mustache-dev googletest libgtest-dev libsqlite3-dev sqlite3)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
