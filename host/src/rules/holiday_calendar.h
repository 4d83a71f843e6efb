// HolidayCalendar: the PRC working-day calendar (public holidays and the
// make-up working days, 调休) loaded from a CSV data file such as
// data/holidays/cn.csv, so an operator can add a year without rebuilding.
// The file declares the years it covers (`#years,2023-2026`); a day outside
// them is answered with weekends only (a provisional answer, which
// rules/provisional_deadline.h marks in every output). Immutable
// after load(); safe to share between threads.
#pragma once

#include <map>
#include <string>

#include "beacon/sdk/host_services.h"

namespace beacon::rules {

class HolidayCalendar : public sdk::WorkingCalendar {
 public:
  // Reads and validates the file; a bad line fails naming the file and line.
  static sdk::Result<HolidayCalendar> load(const std::string& path);
  // Same, from text already read; `source` names it in error messages.
  static sdk::Result<HolidayCalendar> parse(const std::string& text, const std::string& source);

  sdk::Result<bool> isWorkingDay(const sdk::Date& day) const override;
  // The n-th working day after `from` (n >= 0; n = 0 gives `from` itself).
  sdk::Result<sdk::Date> addWorkingDays(const sdk::Date& from, int n) const override;

  int firstYear() const { return first_year_; }
  int lastYear() const { return last_year_; }
  // The name of the holiday or make-up day on `day`, empty for an ordinary day.
  std::string nameOf(const sdk::Date& day) const;

 private:
  struct Entry {
    bool working = false;
    std::string name;
  };
  int first_year_ = 0;
  int last_year_ = 0;
  std::map<long, Entry> entries_;  // keyed by Date::toDays()
};

}  // namespace beacon::rules
