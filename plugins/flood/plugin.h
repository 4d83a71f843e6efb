// FloodPlugin: the flood-control (防汛) domain: its drill types, fields,
// validation, rules and its period, the flood season (PeriodCalendar).
// Created by the host through Poco's ClassLoader; after initialize() its const methods are safe from several threads.
#pragma once

#include "beacon/sdk/domain_plugin.h"
#include "beacon/sdk/duty_period.h"
#include "flood_rules.h"
#include "season.h"

namespace beacon::plugins::flood {

class FloodPlugin : public sdk::DomainPlugin, public sdk::PeriodCalendar {
 public:
  FloodPlugin();
  const sdk::DomainRules& rules() const override { return rules_; }
  sdk::Status periodsContaining(const sdk::Date& day, const sdk::RuleParameters& parameters,
                                std::vector<sdk::DutyPeriod>& out) const override {
    return sdk::periodsAllOrNothing("flood", out, [&](std::vector<sdk::DutyPeriod>& found) {
      return floodSeasonsContaining(day, parameters, found);
    });
  }

 private:
  FloodRules rules_;
};

}  // namespace beacon::plugins::flood
