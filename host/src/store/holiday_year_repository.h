// HolidayYearRepository: the years of the working-day calendar imported with
// `beacon calendar import FILE` (migration 16: holiday_years, holiday_days), read back when the
// calendar loads (rules/imported_holidays.h). A year is stored with its listed days (holidays
// on weekdays or with a name, make-up working days) in one transaction with an audit entry.
// Not thread-safe (follows its Session).
#pragma once

#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "store/audit_log.h"

namespace beacon::store {

struct HolidayDay {
  std::string day;   // YYYY-MM-DD
  std::string kind;  // "holiday" or "workday"
  std::string name;
};

struct HolidayYear {
  int year = 0;
  std::vector<HolidayDay> days;
};

// An imported year and where it came from.
struct HolidayYearSource {
  int year = 0;
  std::string source;  // the file
  std::string imported_at;
  std::string imported_by;
};

class HolidayYearRepository {
 public:
  explicit HolidayYearRepository(Poco::Data::Session& session) : session_(session) {}
  // Whether the database has the tables (migration 16 applied).
  bool available();
  // The imported years after `year`, ascending.
  std::vector<int> yearsAfter(int year);
  // The listed days of the imported years after `year`, by day.
  std::vector<HolidayDay> daysAfter(int year);
  // Every imported year, ascending.
  std::vector<HolidayYearSource> sources();
  // Stores `years` from the file `source` and the audit entry (import holiday_calendar
  // {"file", "years"}) in one transaction. REQUIRES: available(), validated years that follow
  // the stored ones. Throws Poco::Exception when a year is already stored.
  void add(const std::vector<HolidayYear>& years, const std::string& source, const Actor& actor);

 private:
  Poco::Data::Session& session_;
};

}  // namespace beacon::store
