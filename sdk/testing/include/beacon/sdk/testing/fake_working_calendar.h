// FakeWorkingCalendar: sdk::WorkingCalendar for tests. Weekends are rest
// days unless listed as make-up working days; listed holidays are rest days.
// Covers the years [first_year, last_year] and fails, naming the year, outside
// them, like the host's data-file calendar. Not thread-safe while being filled.
#pragma once

#include <set>

#include "beacon/sdk/host_services.h"

namespace beacon::sdk::testing {

class FakeWorkingCalendar : public sdk::WorkingCalendar {
 public:
  FakeWorkingCalendar(int first_year, int last_year) : first_year_(first_year), last_year_(last_year) {}

  void addHoliday(const sdk::Date& day) { holidays_.insert(day.toDays()); }
  void addMakeUpWorkingDay(const sdk::Date& day) { make_up_days_.insert(day.toDays()); }
  sdk::Result<bool> isWorkingDay(const sdk::Date& day) const override;
  sdk::Result<sdk::Date> addWorkingDays(const sdk::Date& from, int n) const override;

 private:
  int first_year_;
  int last_year_;
  std::set<long> holidays_;
  std::set<long> make_up_days_;
};

}  // namespace beacon::sdk::testing
