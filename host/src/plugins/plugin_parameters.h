// checkPluginParameters: the start-up check of the deployment's domain rule
// parameters (keys "rules.<domain>.<name>[.<year>]") against what each
// enabled plugin declares (sdk::ParameterCatalogue on its rules(), see
// beacon/sdk/parameter_spec.h). A key its plugin does not declare is an
// error naming it and the nearest declared key; a value out of its type or
// range is an error naming the key and the value; a key of a domain no plugin
// provides is an error too. A key of a plugin that was found but disabled is
// only logged (the host runs on without that plugin). Stateless; call at
// start-up after the plugins are loaded.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <Poco/Logger.h>

#include "beacon/sdk/parameter_spec.h"
#include "plugins/plugin_registry.h"

namespace beacon::plugins {

// The parameters the plugin's rules declare (none when they are no ParameterCatalogue).
sdk::Result<std::vector<sdk::ParameterSpec>> declaredParameters(const PluginRecord& plugin);

// `values`: full key → value, as RulesConfig::values() holds them (other keys are skipped).
sdk::Status checkPluginParameters(const std::map<std::string, std::string>& values,
                                  const PluginRegistry& registry, Poco::Logger& logger);

}  // namespace beacon::plugins
