#include "io/import_values.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace beacon::io {

std::string trim(const std::string& s) {
  const auto a = s.find_first_not_of(" \t");
  if (a == std::string::npos) return std::string();
  return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}

std::optional<sdk::Date> parseDate(const std::string& text) {
  if (auto d = sdk::Date::parse(text)) return d;
  int y = 0, m = 0, d = 0;
  char s1 = 0, s2 = 0, extra = 0;
  if (std::sscanf(text.c_str(), "%4d%c%2d%c%2d%c", &y, &s1, &m, &s2, &d, &extra) != 5)
    return std::nullopt;
  if (s1 != s2 || (s1 != '-' && s1 != '/' && s1 != '.')) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return sdk::Date::parse(buf);
}

std::optional<int> parseInt(const std::string& text) {
  errno = 0;
  char* end = nullptr;
  const long v = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || errno != 0 || v < -1000000000L || v > 1000000000L)
    return std::nullopt;
  return static_cast<int>(v);
}

std::optional<bool> parseBool(const std::string& text) {
  if (text == "是" || text == "1" || text == "true" || text == "yes") return true;
  if (text == "否" || text == "0" || text == "false" || text == "no") return false;
  return std::nullopt;
}

}  // namespace beacon::io
