#include "plugins/domain_services.h"

#include <Poco/LocalDateTime.h>

namespace beacon::plugins {

DomainServices::DomainServices(std::string domain, Poco::Logger& logger,
                               const sdk::RecordReader& records,
                               const sdk::WorkingCalendar& calendar,
                               const sdk::RuleParameters& parameters)
    : domain_(std::move(domain)),
      logger_(logger),
      records_(records),
      calendar_(calendar),
      parameters_(parameters) {}

void DomainServices::log(sdk::LogLevel level, const std::string& message) const {
  const std::string text = "[" + domain_ + "] " + message;
  switch (level) {
    case sdk::LogLevel::Debug: logger_.debug(text); break;
    case sdk::LogLevel::Info: logger_.information(text); break;
    case sdk::LogLevel::Warning: logger_.warning(text); break;
    case sdk::LogLevel::Error: logger_.error(text); break;
  }
}

sdk::Date DomainServices::systemToday() {
  Poco::LocalDateTime now;
  return sdk::Date{now.year(), now.month(), now.day()};
}

}  // namespace beacon::plugins
