#include "http/strict_number.h"

#include <limits>

namespace beacon::http {

std::optional<std::int64_t> parseWholeNumber(const std::string& text, std::int64_t min, std::int64_t max) {
  std::size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) i = 1;
  if (i == text.size() || text.size() - i > 19) return std::nullopt;
  // Accumulated as a negative number, whose range includes INT64_MIN.
  std::int64_t value = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return std::nullopt;
    const int digit = c - '0';
    if (value < (std::numeric_limits<std::int64_t>::min() + digit) / 10) return std::nullopt;
    value = value * 10 - digit;
  }
  if (!negative) {
    if (value == std::numeric_limits<std::int64_t>::min()) return std::nullopt;
    value = -value;
  }
  if (value < min || value > max) return std::nullopt;
  return value;
}

}  // namespace beacon::http
