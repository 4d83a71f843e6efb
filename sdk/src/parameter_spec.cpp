#include "beacon/sdk/parameter_spec.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>

#include "beacon/sdk/date.h"
#include "beacon/sdk/field_spec.h"

namespace beacon::sdk {

namespace {
bool isYear(const std::string& s) {
  return s.size() == 4 && s.find_first_not_of("0123456789") == std::string::npos;
}

bool isMonthDay(const std::string& v) {
  if (v.size() != 5 || v[2] != '-') return false;
  for (std::size_t i : {0, 1, 3, 4}) {
    if (v[i] < '0' || v[i] > '9') return false;
  }
  const int m = std::stoi(v.substr(0, 2));
  const int d = std::stoi(v.substr(3, 2));
  return m >= 1 && m <= 12 && d >= 1 && d <= Date::daysInMonth(2024, m);
}

Status bad(const std::string& key, const std::string& value, const std::string& why) {
  return Status::invalid(key, "invalid value \"" + value + "\": " + why);
}

std::size_t editDistance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}
}  // namespace

ParameterCatalogue::~ParameterCatalogue() = default;

const char* toId(ParameterType t) {
  switch (t) {
    case ParameterType::Integer:
      return "integer";
    case ParameterType::MonthDay:
      return "month_day";
    case ParameterType::Date:
      return "date";
    case ParameterType::Boolean:
      return "boolean";
    case ParameterType::Text:
      return "text";
  }
  return "text";
}

const ParameterSpec* findParameter(const std::vector<ParameterSpec>& specs,
                                   const std::string& key) {
  for (const auto& s : specs) {
    if (key == s.key) return &s;
    if (s.per_year && key.size() == s.key.size() + 5 && key.compare(0, s.key.size(), s.key) == 0 &&
        key[s.key.size()] == '.' && isYear(key.substr(s.key.size() + 1))) {
      return &s;
    }
  }
  return nullptr;
}

Status checkParameter(const ParameterSpec& spec, const std::string& key, const std::string& value) {
  switch (spec.type) {
    case ParameterType::Integer: {
      errno = 0;
      char* end = nullptr;
      const long n = value.empty() ? 0 : std::strtol(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || errno != 0)
        return bad(key, value, "expected a whole number");
      if (n < spec.min_value || n > spec.max_value) {
        return bad(key, value,
                   "must be between " + std::to_string(spec.min_value) + " and " +
                       std::to_string(spec.max_value));
      }
      return Status::ok();
    }
    case ParameterType::MonthDay:
      return isMonthDay(value) ? Status::ok()
                               : bad(key, value, "expected a month-day MM-DD (e.g. 05-15)");
    case ParameterType::Date:
      return Date::parse(value) ? Status::ok() : bad(key, value, "expected a date YYYY-MM-DD");
    case ParameterType::Boolean: {
      bool b = false;
      return parseBoolean(value, b) ? Status::ok()
                                    : bad(key, value, "expected 1/0, true/false, yes/no or 是/否");
    }
    case ParameterType::Text:
      return value.empty() ? Status::invalid(key, "has no value") : Status::ok();
  }
  return Status::ok();
}

std::string nearestParameter(const std::vector<ParameterSpec>& specs, const std::string& given) {
  // A per-year key (rules.flood.season_strat.2024) is compared without its year.
  const bool year_suffix =
      given.size() > 5 && given[given.size() - 5] == '.' && isYear(given.substr(given.size() - 4));
  const std::string key = year_suffix ? given.substr(0, given.size() - 5) : given;
  std::string best;
  std::size_t best_distance = 0;
  for (const auto& s : specs) {
    const std::size_t d = editDistance(key, s.key);
    if (best.empty() || d < best_distance) {
      best = s.key;
      best_distance = d;
    }
  }
  const std::size_t name_length = key.size() - std::min(key.size(), key.rfind('.') + 1);
  if (best.empty() || best_distance * 3 > std::max<std::size_t>(name_length, 3)) return "";
  return best;
}

}  // namespace beacon::sdk
