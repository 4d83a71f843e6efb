// FakePlugin: a small in-process sdk::Plugin for host tests (service layer,
// CSV import/export, benchmarks) that must not depend on the real plugins.
// addFakeFloodPlugin() registers an enabled "flood" record with the
// canonical flood drill types, the required `hazard` choice field (山洪/河道/
// 水库/内涝), an optional integer `warning_level`, and the organisation field
// flash_flood_zone; addFakeFirePlugin() a "fire" record with key_fire_unit and
// unit_kind. validateDrill runs the hook the test sets (default: evacuees
// only on evacuation drills). Not thread-safe while the hook is being set.
#pragma once

#include <functional>
#include <string>

#include "plugins/plugin_registry.h"

namespace beacon::testing {

class FakePlugin : public sdk::Plugin {
 public:
  explicit FakePlugin(std::string domain) : domain_(std::move(domain)) {}
  sdk::PluginInfo info() const override;
  sdk::Status initialize(sdk::HostServices&) override { return sdk::Status::ok(); }
  std::vector<sdk::DrillType> drillTypes() const override { return drill_types; }
  std::vector<sdk::PlanCategory> planCategories() const override { return plan_categories; }
  std::vector<sdk::FieldSpec> drillFields() const override { return drill_fields; }
  std::vector<sdk::FieldSpec> organisationFields() const override { return organisation_fields; }
  sdk::Status validateDrill(const sdk::Drill& drill) const override;
  const sdk::DomainRules& rules() const override;

  std::vector<sdk::DrillType> drill_types;
  std::vector<sdk::PlanCategory> plan_categories;
  std::vector<sdk::FieldSpec> drill_fields;
  std::vector<sdk::FieldSpec> organisation_fields;
  std::function<sdk::Status(const sdk::Drill&)> validate_hook;
  int validate_calls = 0;  // mutable counter for tests

 private:
  std::string domain_;
};

// Registers the plugin (the registry takes ownership) and returns it.
FakePlugin* addFakePlugin(plugins::PluginRegistry& registry, FakePlugin* plugin, const std::string& name_zh);
FakePlugin* addFakeFloodPlugin(plugins::PluginRegistry& registry);
FakePlugin* addFakeFirePlugin(plugins::PluginRegistry& registry);

}  // namespace beacon::testing
