#include "plugins/plugin_registry.h"

namespace beacon::plugins {

PluginRegistry::~PluginRegistry() {
  // Plugin objects are destroyed here; their libraries stay mapped (never unloaded).
  for (auto& r : records_) {
    try {
      delete r.plugin;
    } catch (...) {
    }
    r.plugin = nullptr;
  }
}

const PluginRecord* PluginRegistry::byDomain(const std::string& domain) const {
  for (const auto& r : records_) {
    if (r.state == PluginState::Enabled && r.id == domain) return &r;
  }
  return nullptr;
}

const sdk::DrillType* PluginRegistry::drillType(const std::string& id) const {
  for (const auto& r : records_) {
    if (r.state != PluginState::Enabled) continue;
    for (const auto& t : r.drill_types) {
      if (t.id == id) return &t;
    }
  }
  return nullptr;
}

std::vector<const PluginRecord*> PluginRegistry::enabled() const {
  std::vector<const PluginRecord*> out;
  for (const auto& r : records_) {
    if (r.state == PluginState::Enabled) out.push_back(&r);
  }
  return out;
}

void PluginRegistry::add(PluginRecord record) { records_.push_back(std::move(record)); }

bool PluginRegistry::hasId(const std::string& id) const {
  for (const auto& r : records_) {
    if (r.id == id) return true;
  }
  return false;
}

}  // namespace beacon::plugins
