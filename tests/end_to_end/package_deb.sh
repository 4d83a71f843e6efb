#!/bin/sh
# Issue #15 §3: the .deb installs and serves. Builds it with scripts/package.sh (in BUILD_DIR),
# checks its control data (Depends, conffiles, maintainer scripts, the systemd unit), unpacks it
# into a scratch root (dpkg-deb -x: no root needed, maintainer scripts not run) and, from that
# layout alone, runs `beacon init` and `beacon serve` and asks /healthz and /readyz.
# Usage: package_deb.sh SOURCE_DIR BUILD_DIR
set -eu
source=$(cd "$1" && pwd) build=$2
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "package_deb: $*" >&2; exit 1; }

BUILD_DIR=$build "$source/scripts/package.sh" >"$work/package.log" 2>&1 || { cat "$work/package.log"; fail "package.sh failed"; }
deb=$(tail -n 1 "$work/package.log")
[ -f "$deb" ] || { cat "$work/package.log"; fail "package.sh printed no .deb"; }

dpkg-deb -f "$deb" Depends >"$work/depends"
for lib in libpocofoundation80 libpocodatasqlite80 libpocodatapostgresql80 libsqlite3-0 libpq5 adduser; do
  grep -q "$lib" "$work/depends" || fail "Depends lacks $lib: $(cat "$work/depends")"
done
mkdir "$work/control"
dpkg-deb -e "$deb" "$work/control"
grep -qx /etc/beacon/beacon.properties "$work/control/conffiles" || fail "beacon.properties is not a conffile"
for script in postinst prerm postrm; do
  [ -x "$work/control/$script" ] || fail "no executable $script"
  sh -n "$work/control/$script" || fail "$script: syntax error"
done
grep -q "adduser --system" "$work/control/postinst" || fail "postinst adds no system user"
grep -q "beacon .*init" "$work/control/postinst" || fail "postinst does not initialise the database"

root="$work/root"
dpkg-deb -x "$deb" "$root"
for f in usr/bin/beacon usr/lib/libbeacon_sdk.so usr/lib/beacon/plugins/flood/plugin.json \
         usr/lib/beacon/plugins/flood/libbeacon_flood.so usr/share/beacon/templates/web \
         usr/share/beacon/holidays/cn.csv etc/beacon/beacon.properties usr/lib/systemd/system/beacon.service \
         var/lib/beacon; do
  [ -e "$root/$f" ] || fail "the package has no /$f"
done
grep -q "^beacon.database = /var/lib/beacon/beacon.db" "$root/etc/beacon/beacon.properties" ||
  fail "the installed configuration does not keep the database in /var/lib/beacon"
unit="$root/usr/lib/systemd/system/beacon.service"
for setting in User=beacon NoNewPrivileges=yes ProtectSystem=strict StateDirectory=beacon; do
  grep -qx "$setting" "$unit" || fail "beacon.service lacks $setting"
done
if command -v systemd-analyze >/dev/null; then
  # Every key known to this systemd (the binary and user need not exist here).
  systemd-analyze verify "$unit" >"$work/verify.log" 2>&1 || true
  if grep -qi "unknown key\|invalid\|failed to parse" "$work/verify.log"; then
    cat "$work/verify.log"
    fail "systemd-analyze verify finds fault with beacon.service"
  fi
fi

# Run from the unpacked layout only: no source or build tree on any path it is given. The
# configuration is the installed one with the state folders moved into the scratch root.
sed -e "s#/var/lib/beacon#$root/var/lib/beacon#g; s#/var/log/beacon#$root/var/log/beacon#g" \
    -e "s#^web.listen = .*#web.listen = 127.0.0.1:0#" \
    "$root/etc/beacon/beacon.properties" >"$work/beacon.properties"
beacon="$root/usr/bin/beacon"
(cd "$work" && env -u BEACON_CONFIG "$beacon" --config "$work/beacon.properties" init) >"$work/init.log" 2>&1 ||
  { cat "$work/init.log"; fail "beacon init failed"; }
[ -f "$root/var/lib/beacon/beacon.db" ] || fail "init made no database in the installed state folder"
(cd "$work" && "$beacon" --config "$work/beacon.properties" plugins) >"$work/plugins.txt" 2>&1 ||
  { cat "$work/plugins.txt"; fail "beacon plugins failed"; }
for domain in flood fire forest_fire enterprise_safety; do
  grep -q "^$domain.*已启用" "$work/plugins.txt" || { cat "$work/plugins.txt"; fail "$domain is not enabled"; }
done
(cd "$work" && exec "$beacon" --config "$work/beacon.properties" serve >"$work/serve.log" 2>&1) &
pid=$!
url=
for _ in $(seq 1 100); do
  url=$(sed -n 's/^listening on //p' "$work/serve.log")
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/serve.log"; fail "beacon serve exited"; }
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/serve.log"; fail "beacon serve did not start"; }
get() { curl -s -o "$work/body" -w '%{http_code}' "$url$1"; }
[ "$(get /healthz)" = 200 ] || fail "/healthz: $(cat "$work/body")"
[ "$(get /readyz)" = 200 ] || fail "/readyz: $(cat "$work/body")"
grep -q '"status":"ready"' "$work/body" || fail "/readyz: $(cat "$work/body")"
[ "$(get /static/app.js)" = 200 ] || fail "the installed templates are not served"
# The access-log line is written after the answer is sent: give it a moment.
for _ in $(seq 1 50); do [ -s "$root/var/log/beacon/access.log" ] && break; sleep 0.1; done
[ -s "$root/var/log/beacon/access.log" ] || fail "no access log in the installed log folder"
kill "$pid"
wait "$pid" || true
pid=
echo "package_deb: $(basename "$deb") installs, initialises and serves from its own layout"
