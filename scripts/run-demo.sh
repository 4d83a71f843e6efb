#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to Beacon on the demo city:
# installs what is missing, builds, creates var/demo.db with the illustrative
# Xinmi 2023 data, prints the obligations count and the city's annual report
# text, then serves the web app (address and demo logins are printed;
# LISTEN=host:port overrides 127.0.0.1:8080; Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
mkdir -p var
rm -f var/demo.db var/demo.db-wal var/demo.db-shm
beacon=(build/bin/beacon --config etc/beacon.properties --db var/demo.db --user demo)
"${beacon[@]}" init --demo xinmi-2023
"${beacon[@]}" plugins
echo
echo "== 截至 2023-12-31 的预案与演练义务 (beacon check --as-of 2023-12-31) =="
"${beacon[@]}" check --as-of 2023-12-31 | tail -n 1
echo
echo "== 2023 年度报告文字 (beacon summary --kind city-annual --year 2023) =="
"${beacon[@]}" summary --kind city-annual --year 2023 --format text
echo
echo "== Web 服务 (beacon serve) =="
exec "${beacon[@]}" serve --listen "${LISTEN:-127.0.0.1:8080}"
