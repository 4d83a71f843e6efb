// Date: a calendar day (proleptic Gregorian, no time zone), the unit of every
// deadline in the rules. Plain value type; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "beacon/sdk/export.h"

namespace beacon::sdk {

struct BEACON_SDK_API Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  bool isSet() const { return year != 0; }
  // Days since 1970-01-01; negative before.
  long toDays() const;
  static Date fromDays(long days);
  // Parses strictly "YYYY-MM-DD"; nullopt for anything else or an impossible day.
  static std::optional<Date> parse(const std::string& text);
  std::string toString() const;  // "YYYY-MM-DD", or "" when unset
  // Calendar arithmetic. addMonths clamps to the month's last day (01-31 + 1 month = 02-28/29).
  Date addDays(long days) const;
  Date addMonths(int months) const;
  int dayOfWeek() const;  // 1 = Monday .. 7 = Sunday
  static bool isLeapYear(int year);
  static int daysInMonth(int year, int month);

  friend bool operator==(const Date& a, const Date& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
  friend bool operator<(const Date& a, const Date& b) {
    if (a.year != b.year) return a.year < b.year;
    if (a.month != b.month) return a.month < b.month;
    return a.day < b.day;
  }
  friend bool operator<=(const Date& a, const Date& b) { return !(b < a); }
  friend bool operator>(const Date& a, const Date& b) { return b < a; }
  friend bool operator>=(const Date& a, const Date& b) { return !(a < b); }
};

// Whole days from `from` to `to` (negative when `to` is earlier).
BEACON_SDK_API long daysBetween(const Date& from, const Date& to);

}  // namespace beacon::sdk
