#include "plugins/plugin_loader.h"

#include <algorithm>
#include <vector>

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/SharedLibrary.h>

#include "plugins/plugin_manifest.h"

namespace beacon::plugins {

namespace {
using SdkVersionFn = std::uint32_t (*)();

std::string describeException() {
  try {
    throw;
  } catch (const Poco::Exception& e) {
    return e.displayText();
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown exception";
  }
}
}  // namespace

Poco::ClassLoader<sdk::Plugin>& PluginLoader::classLoader() {
  static auto* loader = new Poco::ClassLoader<sdk::Plugin>();  // intentionally leaked: never unload
  return *loader;
}

PluginLoader::PluginLoader(PluginRegistry& registry, ServicesFor services, Poco::Logger& logger)
    : registry_(registry), services_(std::move(services)), logger_(logger) {}

int PluginLoader::loadDirectory(const std::string& directory) {
  Poco::File dir(directory);
  if (!dir.exists() || !dir.isDirectory()) {
    logger_.warning("plugin directory %s does not exist; no plugins loaded", directory);
    return 0;
  }
  std::vector<std::string> folders;
  for (Poco::DirectoryIterator it(directory), end; it != end; ++it) {
    if (it->isDirectory()) folders.push_back(it.path().toString());
  }
  std::sort(folders.begin(), folders.end());
  int enabled = 0;
  for (const auto& f : folders) enabled += loadOne(f) ? 1 : 0;
  return enabled;
}

bool PluginLoader::disable(PluginRecord record, const std::string& reason) {
  record.state = PluginState::Disabled;
  record.reason = reason;
  logger_.error("plugin %s disabled: %s", record.id.empty() ? record.directory : record.id, reason);
  if (!record.id.empty() && registry_.hasId(record.id)) record.id += " (duplicate)";
  registry_.add(std::move(record));
  return false;
}

bool PluginLoader::loadOne(const std::string& folder) {
  PluginRecord record;
  record.directory = folder;
  auto manifest = PluginManifest::read(folder);
  if (!manifest.isOk()) return disable(std::move(record), manifest.status().describe());
  const PluginManifest& m = manifest.value();
  record.id = m.id;
  record.name_zh = m.name_zh;
  record.name_en = m.name_en;
  record.version = m.version;
  record.sdk_version = m.sdk_version;
  if (registry_.hasId(m.id)) {
    return disable(std::move(record), "duplicate plugin id \"" + m.id + "\" (first one kept)");
  }
  if (!sdk::isSdkCompatible(m.sdk_version)) {
    return disable(std::move(record), "manifest declares SDK " + sdk::sdkVersionString(m.sdk_version) +
                                          ", host provides " + sdk::sdkVersionString(sdk::kSdkVersion));
  }
  const std::string library = Poco::Path(folder).append(m.library).toString();
  if (!Poco::File(library).exists()) {
    return disable(std::move(record), "library " + library + " not found");
  }
  try {
    // Read the compiled-against SDK version before asking the library for any object.
    Poco::SharedLibrary probe(library);
    if (!probe.hasSymbol("beacon_sdk_version")) {
      return disable(std::move(record), "library exports no beacon_sdk_version()");
    }
    auto fn = reinterpret_cast<SdkVersionFn>(probe.getSymbol("beacon_sdk_version"));
    const std::uint32_t built = fn();
    record.sdk_version = built;
    if (!sdk::isSdkCompatible(built)) {
      return disable(std::move(record), "built against SDK " + sdk::sdkVersionString(built) +
                                            ", host provides " + sdk::sdkVersionString(sdk::kSdkVersion));
    }
    if (built != m.sdk_version) {
      return disable(std::move(record), "plugin.json says SDK " + sdk::sdkVersionString(m.sdk_version) +
                                            " but the library was built against " +
                                            sdk::sdkVersionString(built));
    }
    auto& loader = classLoader();
    if (!loader.isLibraryLoaded(library)) loader.loadLibrary(library);
    // Look the class up in this library's own manifest, never another plugin's.
    const auto& manifest = loader.manifestFor(library);
    auto meta = manifest.find(m.class_name);
    if (meta == manifest.end()) {
      return disable(std::move(record), "class " + m.class_name + " not in the library's manifest");
    }
    std::unique_ptr<sdk::Plugin> plugin(meta->create());
    const sdk::PluginInfo info = plugin->info();
    if (info.id != m.id || info.domain != m.id) {
      return disable(std::move(record), "plugin reports id \"" + info.id + "\" and domain \"" +
                                            info.domain + "\", plugin.json says \"" + m.id + "\"");
    }
    sdk::Status init = plugin->initialize(services_(m.id));
    if (!init.isOk()) return disable(std::move(record), "initialize failed: " + init.describe());
    record.drill_types = plugin->drillTypes();
    record.plan_categories = plugin->planCategories();
    record.drill_fields = plugin->drillFields();
    record.organisation_fields = plugin->organisationFields();
    record.rule_scope = sdk::RuleScope::Organisation;
    for (const auto& rule : plugin->rules().rules()) {
      record.rule_scope = sdk::widerScope(record.rule_scope, rule.scope);
    }
    for (const auto& t : record.drill_types) {
      if (t.id.rfind(m.id + ".", 0) != 0) {
        return disable(std::move(record), "drill type \"" + t.id + "\" is not prefixed \"" + m.id + ".\"");
      }
      if (registry_.drillType(t.id)) {
        return disable(std::move(record), "drill type \"" + t.id + "\" already registered");
      }
    }
    record.plugin = plugin.release();
    record.state = PluginState::Enabled;
    logger_.information("plugin %s %s loaded (SDK %s, %z drill types)", m.id, m.version,
                        sdk::sdkVersionString(built), record.drill_types.size());
    registry_.add(std::move(record));
    return true;
  } catch (...) {
    return disable(std::move(record), "failed to load: " + describeException());
  }
}

}  // namespace beacon::plugins
