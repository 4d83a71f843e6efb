// EnterpriseSafetyPlugin: the work-safety (安全生产) domain: its drill types, fields,
// validation and rules. Created by the host through Poco's ClassLoader;
// after initialize() its const methods are safe from several threads.
#pragma once

#include "beacon/sdk/domain_plugin.h"
#include "enterprise_safety_rules.h"

namespace beacon::plugins::enterprise_safety {

class EnterpriseSafetyPlugin : public sdk::DomainPlugin {
 public:
  EnterpriseSafetyPlugin();
  const sdk::DomainRules& rules() const override { return rules_; }

 private:
  EnterpriseSafetyRules rules_;
};

}  // namespace beacon::plugins::enterprise_safety
