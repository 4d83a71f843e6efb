// Plugin: the one interface a domain library implements (flood, fire, forest
// fire, enterprise safety). The host reads the plugin's plugin.json and its
// exported SDK version before running any of its code, creates it through
// Poco::ClassLoader, calls initialize() once, and never unloads it. Every
// call is guarded by the host; implementations should still return errors
// as Status rather than throw. After initialize() the const methods may be
// called from several threads at once.
//
// A plugin library ends with, at global scope:
//   BEACON_PLUGIN(beacon::plugins::flood::FloodPlugin)
// Build it with the host's compiler and Poco, against the installed SDK
// (beacon_add_plugin, docs/writing-a-plugin.md): the ABI policy is in version.h.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <Poco/ClassLibrary.h>

#include "beacon/sdk/domain_rules.h"
#include "beacon/sdk/drill_type.h"
#include "beacon/sdk/export.h"
#include "beacon/sdk/field_spec.h"
#include "beacon/sdk/host_services.h"
#include "beacon/sdk/records.h"
#include "beacon/sdk/status.h"
#include "beacon/sdk/version.h"

namespace beacon::sdk {

struct PluginInfo {
  std::string id;       // lowercase, equals the domain id
  std::string name_zh;  // 防汛
  std::string name_en;  // Flood control
  std::string version;  // the plugin's own semantic version
  std::string domain;
};

class BEACON_SDK_API Plugin {
 public:
  virtual ~Plugin();
  virtual PluginInfo info() const = 0;
  // Called once before any other method but info(). `host` outlives the plugin.
  virtual Status initialize(HostServices& host) = 0;
  virtual std::vector<DrillType> drillTypes() const = 0;
  virtual std::vector<PlanCategory> planCategories() const = 0;
  virtual std::vector<FieldSpec> drillFields() const = 0;
  virtual std::vector<FieldSpec> organisationFields() const = 0;
  // Domain checks beyond the field specs (e.g. evacuees only on evacuation drills).
  virtual Status validateDrill(const Drill& drill) const = 0;
  virtual const DomainRules& rules() const = 0;
};

}  // namespace beacon::sdk

// Exports the SDK version the plugin is compiled against and the Poco manifest.
#define BEACON_PLUGIN(PluginClass)                                                  \
  extern "C" BEACON_SDK_API std::uint32_t beacon_sdk_version() {                   \
    return beacon::sdk::kSdkVersion;                                                \
  }                                                                                 \
  POCO_BEGIN_MANIFEST(beacon::sdk::Plugin)                                          \
  POCO_EXPORT_CLASS(PluginClass)                                                    \
  POCO_END_MANIFEST
