// ForestFirePlugin: the forest-fire (森林防火) domain: its drill types, fields,
// validation, rules and its period, 森林防火期 (PeriodCalendar). Created
// by the host through Poco's ClassLoader; after initialize() its const methods are safe from several threads.
#pragma once

#include "beacon/sdk/domain_plugin.h"
#include "beacon/sdk/duty_period.h"
#include "fire_period.h"
#include "forest_fire_rules.h"

namespace beacon::plugins::forest_fire {

class ForestFirePlugin : public sdk::DomainPlugin, public sdk::PeriodCalendar {
 public:
  ForestFirePlugin();
  const sdk::DomainRules& rules() const override { return rules_; }
  sdk::Status periodsContaining(const sdk::Date& day, const sdk::RuleParameters& parameters,
                                std::vector<sdk::DutyPeriod>& out) const override {
    return sdk::periodsAllOrNothing("forest_fire", out, [&](std::vector<sdk::DutyPeriod>& found) {
      return firePeriodsContaining(day, parameters, found);
    });
  }

 private:
  ForestFireRules rules_;
};

}  // namespace beacon::plugins::forest_fire
