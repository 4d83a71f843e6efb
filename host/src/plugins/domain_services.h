// DomainServices: the host's implementation of sdk::HostServices for one
// plugin: records of that plugin's domain only, the shared working-day
// calendar and rule parameters, and logging under the plugin's name. Holds references to host-owned objects that
// outlive it; every method is const and safe from any thread provided the
// referenced objects are.
#pragma once

#include <string>

#include <Poco/Logger.h>

#include "beacon/sdk/host_services.h"

namespace beacon::plugins {

class DomainServices : public sdk::HostServices {
 public:
  DomainServices(std::string domain, Poco::Logger& logger, const sdk::RecordReader& records,
                 const sdk::WorkingCalendar& calendar, const sdk::RuleParameters& parameters);

  void log(sdk::LogLevel level, const std::string& message) const override;
  const sdk::RecordReader& records() const override { return records_; }
  const sdk::WorkingCalendar& calendar() const override { return calendar_; }
  const sdk::RuleParameters& parameters() const override { return parameters_; }

  // Today's date in the host's local time zone (the host's clock; plugins get dates in their context).
  static sdk::Date systemToday();

 private:
  std::string domain_;
  Poco::Logger& logger_;
  const sdk::RecordReader& records_;
  const sdk::WorkingCalendar& calendar_;
  const sdk::RuleParameters& parameters_;
};

}  // namespace beacon::plugins
