// FirePlugin: the fire-safety (消防) domain: its drill types, fields,
// validation and rules. Created by the host through Poco's ClassLoader;
// after initialize() its const methods are safe from several threads.
#pragma once

#include "beacon/sdk/domain_plugin.h"
#include "fire_rules.h"

namespace beacon::plugins::fire {

class FirePlugin : public sdk::DomainPlugin {
 public:
  FirePlugin();
  const sdk::DomainRules& rules() const override { return rules_; }

 private:
  FireRules rules_;
};

}  // namespace beacon::plugins::fire
