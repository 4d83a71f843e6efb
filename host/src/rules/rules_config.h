// RulesConfig: the deployment's rule parameters (keys "rules.<name>" shared
// by the core rules, "rules.<domain>.<name>" read by a domain plugin) and the
// calendar file, read from the configuration (etc/beacon.properties) and
// validated once: a bad value fails naming the key and the value. Of a domain
// key only the form is checked here; its value and whether its plugin
// declares it are checked once plugins are loaded (plugins/plugin_parameters.h). A key that
// is absent falls back to the default the reader passes, which is the law's
// value. Immutable after load(); safe to share between threads.
#pragma once

#include <map>
#include <string>

#include <Poco/Util/AbstractConfiguration.h>

#include "beacon/sdk/date.h"
#include "beacon/sdk/host_services.h"

namespace beacon::rules {

class RulesConfig : public sdk::RuleParameters {
 public:
  // Core keys and their legal (or policy) defaults.
  static constexpr int kDueSoonDays = 30;
  static constexpr const char* kTrackingStart = "2023-01-01";
  static constexpr int kEvalIntervalMonths = 36;
  static constexpr int kEvalWarningMonths = 30;
  static constexpr int kSpecialDrillIntervalMonths = 36;
  static constexpr int kFilingWorkingDays = 20;
  static constexpr int kPublicationWorkingDays = 20;

  // Every default; the CLI and tests start from this.
  RulesConfig() = default;

  // Reads every key under "rules." and "calendar.holidays_file".
  static sdk::Result<RulesConfig> load(const Poco::Util::AbstractConfiguration& config);
  // Same from flat key/value pairs (full keys, e.g. "rules.due_soon_days").
  static sdk::Result<RulesConfig> fromValues(const std::map<std::string, std::string>& values);

  int intValue(const std::string& key, int default_value) const override;
  bool boolValue(const std::string& key, bool default_value) const override;
  std::string stringValue(const std::string& key, const std::string& default_value) const override;

  int dueSoonDays() const { return intValue("rules.due_soon_days", kDueSoonDays); }
  sdk::Date trackingStart() const;
  int evalIntervalMonths() const { return intValue("rules.eval_interval_months", kEvalIntervalMonths); }
  int evalWarningMonths() const { return intValue("rules.eval_warning_months", kEvalWarningMonths); }
  int specialDrillIntervalMonths() const {
    return intValue("rules.special_drill_interval_months", kSpecialDrillIntervalMonths);
  }
  int filingWorkingDays() const { return intValue("rules.filing_working_days", kFilingWorkingDays); }
  int publicationWorkingDays() const {
    return intValue("rules.publication_working_days", kPublicationWorkingDays);
  }
  // calendar.holidays_file, default <source dir>/data/holidays/cn.csv.
  std::string holidaysFile() const;

  const std::map<std::string, std::string>& values() const { return values_; }

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace beacon::rules
