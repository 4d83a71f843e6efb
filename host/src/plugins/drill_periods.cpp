#include "plugins/drill_periods.h"

#include <exception>

#include <Poco/Logger.h>

namespace beacon::plugins {

std::vector<sdk::DutyPeriod> drillPeriods(const PluginRegistry& registry,
                                          const sdk::RuleParameters& parameters,
                                          const std::string& domain, const sdk::Date& day) {
  std::vector<sdk::DutyPeriod> out;
  const PluginRecord* record = registry.byDomain(domain);
  if (!record || !record->plugin || !day.isSet()) return out;
  const auto* calendar = dynamic_cast<const sdk::PeriodCalendar*>(record->plugin);
  if (!calendar) return out;
  std::string error;
  try {
    const sdk::Status s = calendar->periodsContaining(day, parameters, out);
    if (!s.isOk()) error = s.describe();
  } catch (const std::exception& e) {
    error = std::string("threw: ") + e.what();
  } catch (...) {
    error = "threw an unknown exception";
  }
  if (!error.empty()) {
    Poco::Logger::get("beacon.plugins")
        .error("periods of plugin " + record->id + " skipped: " + error);
    out.clear();
  }
  return out;
}

std::string periodsText(const std::vector<sdk::DutyPeriod>& periods, bool english) {
  std::string text;
  for (const auto& p : periods) {
    if (!text.empty()) text += english ? "; " : "；";
    text += sdk::insideLabel(p, english);
    text += english ? " (" + p.start.toString() + " to " + p.end.toString() + ")"
                    : "（" + p.start.toString() + "至" + p.end.toString() + "）";
  }
  return text;
}

}  // namespace beacon::plugins
