// PluginLoader: finds plugin folders (each with plugin.json and its library)
// under a directory and loads them into a PluginRegistry, in this order:
// manifest read and validated; duplicate id rejected; the library's exported
// beacon_sdk_version() checked against the host (major equal, minor not
// newer) and against the manifest; the class created through
// Poco::ClassLoader; initialize() called. Any failure disables that plugin
// with one log line naming it and the reason; the host carries on. Libraries
// are never unloaded. Use from one thread at start-up.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include <Poco/ClassLoader.h>
#include <Poco/Logger.h>

#include "beacon/sdk/plugin.h"
#include "plugins/plugin_registry.h"

namespace beacon::plugins {

class PluginLoader {
 public:
  // Hands each plugin the services scoped to its id (records of its domain only).
  using ServicesFor = std::function<sdk::HostServices&(const std::string& plugin_id)>;
  PluginLoader(PluginRegistry& registry, ServicesFor services, Poco::Logger& logger);
  // Loads every subfolder of `directory` holding a plugin.json, in name order.
  // Returns the number of plugins enabled. A missing directory loads none (logged).
  int loadDirectory(const std::string& directory);
  // Loads the plugin in one folder; false if it was disabled.
  bool loadOne(const std::string& folder);

 private:
  bool disable(PluginRecord record, const std::string& reason);
  PluginRegistry& registry_;
  ServicesFor services_;
  Poco::Logger& logger_;
  // Lives until process exit and never unloads (see Poco's unload warning).
  static Poco::ClassLoader<sdk::Plugin>& classLoader();
};

}  // namespace beacon::plugins
