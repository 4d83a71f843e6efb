// ForestFirePlugin: the forest-fire (森林防火) domain: its drill types, fields,
// validation and rules. Created by the host through Poco's ClassLoader;
// after initialize() its const methods are safe from several threads.
#pragma once

#include "beacon/sdk/domain_plugin.h"
#include "forest_fire_rules.h"

namespace beacon::plugins::forest_fire {

class ForestFirePlugin : public sdk::DomainPlugin {
 public:
  ForestFirePlugin();
  const sdk::DomainRules& rules() const override { return rules_; }

 private:
  ForestFireRules rules_;
};

}  // namespace beacon::plugins::forest_fire
