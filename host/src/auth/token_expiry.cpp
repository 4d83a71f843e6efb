#include "auth/token_expiry.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/LocalDateTime.h>
#include <Poco/NumberParser.h>

#include "beacon/sdk/date.h"

namespace beacon::auth {

namespace {
constexpr int kMaxDays = 3650;

std::string iso(const Poco::Timestamp& t) {
  return Poco::DateTimeFormatter::format(t, Poco::DateTimeFormat::ISO8601_FORMAT);
}
}  // namespace

sdk::Result<std::string> tokenExpiry(const std::string& value, const std::string& option,
                                     const Poco::Timestamp& now) {
  unsigned days = 0;
  if (!value.empty() && value.find_first_not_of("0123456789") == std::string::npos) {
    if (!Poco::NumberParser::tryParseUnsigned(value, days) || days < 1 || days > kMaxDays) {
      return sdk::Status::invalid(option, "\"" + value + "\": give 1 to " +
                                              std::to_string(kMaxDays) +
                                              " days or a date YYYY-MM-DD");
    }
    return iso(now + Poco::Timespan(static_cast<int>(days), 0, 0, 0, 0));
  }
  auto date = sdk::Date::parse(value);
  if (!date)
    return sdk::Status::invalid(
        option, "\"" + value + "\" is neither a date YYYY-MM-DD nor a number of days");
  const Poco::LocalDateTime today(now);
  const sdk::Date local_today{today.year(), today.month(), today.day()};
  if (!(local_today < *date)) {
    return sdk::Status::invalid(
        option, "\"" + value + "\" is not after today (" + local_today.toString() + ")");
  }
  const sdk::Date end = date->addDays(1);
  const Poco::LocalDateTime midnight(end.year, end.month, end.day);
  return iso(midnight.utc().timestamp());
}

}  // namespace beacon::auth
