// EnterpriseSafetyPlugin: the work-safety (安全生产) domain: its drill types, fields,
// validation and rules. Created by the host through Poco's ClassLoader;
// after initialize() its const methods are safe from several threads.
#pragma once

#include "beacon/sdk/plugin.h"
#include "enterprise_safety_rules.h"

namespace beacon::plugins::enterprise_safety {

class EnterpriseSafetyPlugin : public sdk::Plugin {
 public:
  sdk::PluginInfo info() const override;
  sdk::Status initialize(sdk::HostServices& host) override;
  std::vector<sdk::DrillType> drillTypes() const override;
  std::vector<sdk::PlanCategory> planCategories() const override;
  std::vector<sdk::FieldSpec> drillFields() const override;
  std::vector<sdk::FieldSpec> organisationFields() const override;
  sdk::Status validateDrill(const sdk::Drill& drill) const override;
  const sdk::DomainRules& rules() const override { return rules_; }

 private:
  sdk::HostServices* host_ = nullptr;
  EnterpriseSafetyRules rules_;
};

}  // namespace beacon::plugins::enterprise_safety
