// FloodPlugin: the flood-control (防汛) domain: its drill types, fields,
// validation and rules. Created by the host through Poco's ClassLoader;
// after initialize() its const methods are safe from several threads.
#pragma once

#include "beacon/sdk/domain_plugin.h"
#include "flood_rules.h"

namespace beacon::plugins::flood {

class FloodPlugin : public sdk::DomainPlugin {
 public:
  FloodPlugin();
  const sdk::DomainRules& rules() const override { return rules_; }

 private:
  FloodRules rules_;
};

}  // namespace beacon::plugins::flood
