#include "install_layout.h"

#include <climits>
#include <cstdlib>

#include <unistd.h>

#include <Poco/File.h>
#include <Poco/Path.h>

#include "build_paths.h"

namespace beacon {

namespace {

// Relative to <prefix>; cmake/BeaconInstall.cmake installs to the same names.
constexpr const char* kPluginDir = "lib/beacon/plugins";
constexpr const char* kTemplateDir = "share/beacon/templates";
constexpr const char* kHolidaysFile = "share/beacon/holidays/cn.csv";

std::string canonical(const std::string& path) {
  char resolved[PATH_MAX];
  return realpath(path.c_str(), resolved) ? std::string(resolved) : std::string();
}

std::string executableDir() {
  char buffer[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  if (n <= 0) return "";
  buffer[n] = '\0';
  return Poco::Path(buffer).parent().toString();
}

std::string under(const std::string& root, const std::string& relative) {
  return Poco::Path(Poco::Path::forDirectory(root)).append(relative).toString();
}

}  // namespace

InstallLayout layoutFor(const std::string& exe_dir) {
  InstallLayout layout;
  const std::string dir = canonical(exe_dir);
  const std::string prefix = dir.empty() ? "" : canonical(dir + "/..");
  if (!dir.empty() && !prefix.empty() && dir != canonical(std::string(BEACON_BUILD_DIR) + "/bin") &&
      Poco::File(under(prefix, kTemplateDir)).exists()) {
    layout.installed = true;
    layout.plugins = under(prefix, kPluginDir);
    layout.templates = under(prefix, kTemplateDir);
    layout.holidays_file = under(prefix, kHolidaysFile);
    const Poco::Path p(Poco::Path::forDirectory(prefix));
    // /usr keeps its configuration in /etc (the FHS); another prefix in <prefix>/etc.
    const std::string etc = p.depth() > 0 && p[p.depth() - 1] == "usr" ? under(prefix, "../etc") : under(prefix, "etc");
    layout.config_file = under(canonical(etc).empty() ? etc : canonical(etc), "beacon/beacon.properties");
    return layout;
  }
  layout.plugins = BEACON_DEFAULT_PLUGIN_DIR;
  layout.templates = under(BEACON_SOURCE_DIR, "templates");
  layout.holidays_file = under(BEACON_SOURCE_DIR, "data/holidays/cn.csv");
  return layout;
}

const InstallLayout& installLayout() {
  static const InstallLayout layout = layoutFor(executableDir());
  return layout;
}

}  // namespace beacon
