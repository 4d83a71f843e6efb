// drillPeriods: the duty periods (汛期, 森林防火期) a day lies in for one
// domain, asked of the domain plugin's sdk::PeriodCalendar when it has one.
// The call is guarded: a plugin error or exception is logged with the
// plugin id and answered with no period, so a page never fails for it.
// Stateless; thread-safe as far as the plugin's PeriodCalendar is.
#pragma once

#include <string>
#include <vector>

#include "beacon/sdk/duty_period.h"
#include "plugins/plugin_registry.h"

namespace beacon::plugins {

std::vector<sdk::DutyPeriod> drillPeriods(const PluginRegistry& registry,
                                          const sdk::RuleParameters& parameters,
                                          const std::string& domain, const sdk::Date& day);

// "汛期内（2023-05-15至2023-09-30）" / "inside the flood season (2023-05-15 to
// 2023-09-30)" for each period, joined with "；" / "; "; empty when none.
std::string periodsText(const std::vector<sdk::DutyPeriod>& periods, bool english);

}  // namespace beacon::plugins
