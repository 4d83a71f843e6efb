// Value parsing shared by the import kinds: trimming, dates as offices type
// them, whole numbers and yes/no cells. Stateless; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "beacon/sdk/date.h"

namespace beacon::io {

// Without leading and trailing blanks and tabs.
std::string trim(const std::string& s);
// YYYY-MM-DD, also YYYY/M/D, YYYY-M-D and YYYY.M.D as Excel writes them.
std::optional<sdk::Date> parseDate(const std::string& text);
// A decimal whole number within ±1,000,000,000.
std::optional<int> parseInt(const std::string& text);
// 是/否, 1/0, true/false, yes/no.
std::optional<bool> parseBool(const std::string& text);

}  // namespace beacon::io
