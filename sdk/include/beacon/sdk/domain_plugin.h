// DomainPlugin: the Plugin a domain assembles from its parts (descriptor,
// drill types, plan categories, fields, drill validation) instead of writing
// the same forwarding methods again; the domain adds only rules(). Validation
// is guarded so no exception leaves the plugin. After initialize() the const
// methods are safe from several threads. Added in SDK 1.1; DomainParts'
// members renamed in 4.0 (list_drill_types ..., check_drill).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "beacon/sdk/export.h"
#include "beacon/sdk/plugin.h"

namespace beacon::sdk {

// Fill it by name at namespace scope, outside the plugin class, where
// `&drillTypes` is the domain's own function (inside the class it names
// Plugin::drillTypes, a member, and does not compile):
//   sdk::DomainParts parts() {
//     sdk::DomainParts p;
//     p.info = ...;
//     p.list_drill_types = &drillTypes;
//     ...
//     return p;
//   }
//   MyPlugin::MyPlugin() : sdk::DomainPlugin(parts()) {}
// A function left null lists nothing (check_drill: no checks beyond the field specs).
struct DomainParts {
  PluginInfo info;
  std::string ready_message;  // logged once by initialize()
  std::vector<DrillType> (*list_drill_types)() = nullptr;
  std::vector<PlanCategory> (*list_plan_categories)() = nullptr;
  std::vector<FieldSpec> (*list_drill_fields)() = nullptr;
  std::vector<FieldSpec> (*list_organisation_fields)() = nullptr;
  Status (*check_drill)(const Drill&) = nullptr;
};

class BEACON_SDK_API DomainPlugin : public Plugin {
 public:
  explicit DomainPlugin(DomainParts parts) : parts_(std::move(parts)) {}
  PluginInfo info() const override { return parts_.info; }
  Status initialize(HostServices& host) override;
  std::vector<DrillType> drillTypes() const override;
  std::vector<PlanCategory> planCategories() const override;
  std::vector<FieldSpec> drillFields() const override;
  std::vector<FieldSpec> organisationFields() const override;
  Status validateDrill(const Drill& drill) const override;

 protected:
  HostServices* host_ = nullptr;

 private:
  DomainParts parts_;
};

}  // namespace beacon::sdk
