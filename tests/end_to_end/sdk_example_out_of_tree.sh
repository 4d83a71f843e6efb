#!/bin/sh
# Issue #15's out-of-tree check: install the SDK into a temporary prefix, build the example plugin
# (sdk/examples/earthquake) against that prefix only (CMAKE_PREFIX_PATH; nothing from the source or
# build tree on its include or link path), run its unit tests, then have the host load it:
# `beacon --plugins DIR plugins` must list it enabled with its two drill types.
# Usage: sdk_example_out_of_tree.sh CMAKE BUILD_DIR EXAMPLE_DIR BEACON CONFIG CXX [LAUNCHER]
set -eu
cmake=$1 build=$2 example=$(cd "$3" && pwd) beacon=$4 config=$5 cxx=$6 launcher=${7:-}
source_sdk_include=$(dirname "$(dirname "$example")")/include
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "sdk_example_out_of_tree: $*" >&2; exit 1; }

"$cmake" --install "$build" --prefix "$work/sdk" --component sdk >"$work/install.log" || { cat "$work/install.log"; fail "install failed"; }
for f in include/beacon/sdk/plugin.h include/beacon/sdk/testing/rule_harness.h lib/libbeacon_sdk.so \
         lib/libbeacon_sdk_testing.a lib/cmake/BeaconSDK/BeaconSDKConfig.cmake \
         lib/cmake/BeaconSDK/BeaconSDKConfigVersion.cmake lib/cmake/BeaconSDK/BeaconPlugin.cmake; do
  [ -f "$work/sdk/$f" ] || fail "the install has no $f"
done

# The host's compiler (plugins must be built with it, see beacon/sdk/version.h).
"$cmake" -S "$example" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/sdk" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
         -DCMAKE_CXX_COMPILER="$cxx" ${launcher:+-DCMAKE_CXX_COMPILER_LAUNCHER="$launcher"} \
         >"$work/configure.log" 2>&1 || { cat "$work/configure.log"; fail "configure failed"; }
"$cmake" --build "$work/build" -j2 >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "build failed"; }
if grep -q -- "$source_sdk_include" "$work/build/CMakeFiles/beacon_plugin_earthquake_objects.dir/flags.make"; then
  fail "the example compiles against the source tree's sdk/include, not the installed SDK"
fi
"$work/build/earthquake_tests" --gtest_brief=1 || fail "the example's unit tests failed"

"$beacon" --config "$config" --db "$work/beacon.db" init >"$work/init.log" 2>&1 || { cat "$work/init.log"; fail "beacon init failed"; }
"$beacon" --config "$config" --db "$work/beacon.db" --plugins "$work/build/beacon-plugins" plugins \
  >"$work/plugins.txt" 2>&1 || { cat "$work/plugins.txt"; fail "beacon plugins failed"; }
cat "$work/plugins.txt"
for want in earthquake earthquake.evacuation earthquake.tabletop; do
  grep -q "$want" "$work/plugins.txt" || fail "beacon plugins does not list $want"
done
grep -q "^earthquake.*已启用" "$work/plugins.txt" || fail "the example plugin is not enabled"

# The example declares its parameter (sdk::ParameterCatalogue): a misspelt key stops start-up,
# naming the key and the declared one it is nearest to; the right key starts.
{ cat "$config"; echo "rules.earthquake.township_interval_month = 6"; } >"$work/typo.properties"
if "$beacon" --config "$work/typo.properties" --db "$work/beacon.db" --plugins "$work/build/beacon-plugins" plugins \
     >"$work/typo.txt" 2>&1; then
  fail "a misspelt rules.earthquake.* key did not stop start-up"
fi
grep -q "rules.earthquake.township_interval_month\b.*rules.earthquake.township_interval_months" "$work/typo.txt" ||
  { cat "$work/typo.txt"; fail "the error does not name the key and the nearest declared one"; }
{ cat "$config"; echo "rules.earthquake.township_interval_months = 6"; } >"$work/right.properties"
"$beacon" --config "$work/right.properties" --db "$work/beacon.db" --plugins "$work/build/beacon-plugins" plugins \
  >/dev/null 2>&1 || fail "rules.earthquake.township_interval_months = 6 did not start"
