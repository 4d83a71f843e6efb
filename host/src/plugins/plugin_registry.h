// PluginRegistry: the plugins the host loaded, by id and by domain, with
// their state (enabled, or disabled and why). Filled once at start-up by the
// PluginLoader, read-only afterwards, so concurrent reads are safe. Plugins
// stay loaded for the life of the process.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "beacon/sdk/plugin.h"

namespace beacon::plugins {

enum class PluginState { Enabled, Disabled };

struct PluginRecord {
  std::string id;
  std::string directory;   // where plugin.json was found
  std::string name_zh;
  std::string name_en;
  std::string version;
  std::uint32_t sdk_version = 0;
  PluginState state = PluginState::Disabled;
  std::string reason;      // why it is disabled
  sdk::Plugin* plugin = nullptr;  // null unless enabled; owned by the registry
  std::vector<sdk::DrillType> drill_types;     // cached at load
  std::vector<sdk::PlanCategory> plan_categories;
  std::vector<sdk::FieldSpec> drill_fields;
  std::vector<sdk::FieldSpec> organisation_fields;
  // The widest RuleInfo::scope of its rules (Organisation when it has none), cached at load; the
  // compliance engine re-evaluates by it. City, the safe default, until the loader sets it.
  sdk::RuleScope rule_scope = sdk::RuleScope::City;
};

class PluginRegistry {
 public:
  PluginRegistry() = default;
  ~PluginRegistry();
  PluginRegistry(const PluginRegistry&) = delete;
  PluginRegistry& operator=(const PluginRegistry&) = delete;

  // Every plugin seen, enabled or not, in load order.
  const std::vector<PluginRecord>& all() const { return records_; }
  // The enabled plugin for a domain id, or null.
  const PluginRecord* byDomain(const std::string& domain) const;
  // The drill type with this id in any enabled plugin, or null.
  const sdk::DrillType* drillType(const std::string& id) const;
  std::vector<const PluginRecord*> enabled() const;

  // Loader side. Takes ownership of record.plugin.
  void add(PluginRecord record);
  bool hasId(const std::string& id) const;

 private:
  std::vector<PluginRecord> records_;
};

}  // namespace beacon::plugins
