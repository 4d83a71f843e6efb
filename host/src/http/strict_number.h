// Strict reading of whole numbers from request text (path segments, query
// parameters, form fields, JSON strings): ASCII digits with an optional
// leading '-', nothing else, and the value in range. Poco::NumberParser also
// takes blanks, '+' and thousands separators and stops at a NUL byte, so
// "1974%00.json", "+1974" and "1,974" all named record 1974; an int
// truncated 2^32+1 to 1. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace beacon::http {

// The value of `text` when it is a whole number in [min, max]; nullopt otherwise.
std::optional<std::int64_t> parseWholeNumber(const std::string& text, std::int64_t min, std::int64_t max);

}  // namespace beacon::http
