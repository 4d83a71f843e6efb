#include "service/record_checks.h"

#include <Poco/LocalDateTime.h>

namespace beacon::service {

bool isValidCode(const std::string& code) {
  if (code.empty() || code.size() > 64) return false;
  for (char c : code) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

bool isValidDate(const sdk::Date& date) {
  return date.isSet() && sdk::Date::parse(date.toString()).has_value();
}

sdk::Date today() {
  Poco::LocalDateTime now;
  return sdk::Date{now.year(), now.month(), now.day()};
}

}  // namespace beacon::service
