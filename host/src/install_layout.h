// InstallLayout: where the `beacon` binary finds its read-only data (plugins, templates,
// holiday calendar) and its default configuration file, when nothing configures them.
// A binary that `cmake --install` (or the .deb) laid out finds them relative to itself:
// <prefix>/bin/beacon, <prefix>/lib/beacon/plugins, <prefix>/share/beacon/templates and
// holidays/cn.csv (the names cmake/BeaconInstall.cmake installs to), and the configuration
// in /etc/beacon/beacon.properties for the prefix /usr (<root>/etc/... for <root>/usr, as in a
// scratch root), else <prefix>/etc/beacon/beacon.properties. Any other binary (the build
// tree's, which the tests and scripts/run-demo.sh run) uses the source and build folders.
// Decided once per process from /proc/self/exe; thread-safe.
#pragma once

#include <string>

namespace beacon {

struct InstallLayout {
  bool installed = false;
  std::string plugins;        // folder of plugin folders (beacon.plugins)
  std::string templates;      // built-in templates (beacon.templates)
  std::string holidays_file;  // the holiday calendar (calendar.holidays_file)
  std::string config_file;    // installed: the configuration read when none is named; else empty
};

const InstallLayout& installLayout();

// The layout of a binary in `exe_dir` (exposed for tests): installed when it is not the
// build's bin folder and <exe_dir>/../share/beacon/templates exists.
InstallLayout layoutFor(const std::string& exe_dir);

}  // namespace beacon
