// DomainPlugin: the Plugin a domain assembles from its parts (descriptor,
// drill types, plan categories, fields, drill validation) instead of writing
// the same forwarding methods again; the domain adds only rules(). Validation
// is guarded so no exception leaves the plugin. After initialize() the const
// methods are safe from several threads. Added in SDK 1.1.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "beacon/sdk/export.h"
#include "beacon/sdk/plugin.h"

namespace beacon::sdk {

struct DomainParts {
  PluginInfo info;
  std::string ready_message;  // logged once by initialize()
  std::vector<DrillType> (*drill_types)() = nullptr;
  std::vector<PlanCategory> (*plan_categories)() = nullptr;
  std::vector<FieldSpec> (*drill_fields)() = nullptr;
  std::vector<FieldSpec> (*organisation_fields)() = nullptr;
  Status (*validate_drill)(const Drill&) = nullptr;
};

class BEACON_SDK_API DomainPlugin : public Plugin {
 public:
  explicit DomainPlugin(DomainParts parts) : parts_(std::move(parts)) {}
  PluginInfo info() const override { return parts_.info; }
  Status initialize(HostServices& host) override;
  std::vector<DrillType> drillTypes() const override { return parts_.drill_types(); }
  std::vector<PlanCategory> planCategories() const override { return parts_.plan_categories(); }
  std::vector<FieldSpec> drillFields() const override { return parts_.drill_fields(); }
  std::vector<FieldSpec> organisationFields() const override { return parts_.organisation_fields(); }
  Status validateDrill(const Drill& drill) const override;

 protected:
  HostServices* host_ = nullptr;

 private:
  DomainParts parts_;
};

}  // namespace beacon::sdk
