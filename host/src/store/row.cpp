#include "store/row.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

namespace beacon::store {

std::string Row::text(std::size_t col) const {
  if (rs_.isNull(col, row_)) return std::string();
  return rs_.value(col, row_).convert<std::string>();
}

Poco::Int64 Row::int64(std::size_t col) const {
  if (rs_.isNull(col, row_)) return 0;
  return rs_.value(col, row_).convert<Poco::Int64>();
}

sdk::Date Row::date(std::size_t col) const {
  auto d = sdk::Date::parse(text(col));
  return d ? *d : sdk::Date{};
}

std::string isoTimestampNow() {
  return Poco::DateTimeFormatter::format(Poco::Timestamp(), Poco::DateTimeFormat::ISO8601_FORMAT);
}

}  // namespace beacon::store
