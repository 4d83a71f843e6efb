#include "beacon/sdk/date.h"

#include <cstdio>

namespace beacon::sdk {

namespace {
// Howard Hinnant's days_from_civil / civil_from_days.
long daysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}
}  // namespace

bool Date::isLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int Date::daysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && isLeapYear(y)) return 29;
  return kDays[m - 1];
}

long Date::toDays() const { return daysFromCivil(year, month, day); }

Date Date::fromDays(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

std::optional<Date> Date::parse(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  }
  Date d{std::stoi(s.substr(0, 4)), std::stoi(s.substr(5, 2)), std::stoi(s.substr(8, 2))};
  if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1 ||
      d.day > daysInMonth(d.year, d.month)) {
    return std::nullopt;
  }
  return d;
}

std::string Date::toString() const {
  if (!isSet()) return std::string();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

Date Date::addDays(long n) const { return fromDays(toDays() + n); }

Date Date::addMonths(int n) const {
  const int total = year * 12 + (month - 1) + n;
  Date d{total / 12, total % 12 + 1, day};
  const int last = daysInMonth(d.year, d.month);
  if (d.day > last) d.day = last;
  return d;
}

int Date::dayOfWeek() const {
  const long z = toDays();  // 1970-01-01 was a Thursday (4)
  long w = (z + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

long daysBetween(const Date& from, const Date& to) { return to.toDays() - from.toDays(); }

}  // namespace beacon::sdk
