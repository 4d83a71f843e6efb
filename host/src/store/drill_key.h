// DrillKey: a drill's place in the drill list's order (date, then id), the cursor of keyset
// paging. "The page after this drill" is a range of the drills_date index, where OFFSET N
// makes the database step over N rows first (DrillFilter::after/before). Written in links as
// "YYYY-MM-DD_ID" (toString/parse: parse refuses anything else). Value type; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "beacon/sdk/date.h"
#include "beacon/sdk/records.h"

namespace beacon::store {

struct DrillKey {
  sdk::Date date;
  sdk::RecordId id = 0;

  std::string toString() const;
  static std::optional<DrillKey> parse(const std::string& text);
};

}  // namespace beacon::store
