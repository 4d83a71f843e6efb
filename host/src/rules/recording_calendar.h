// RecordingCalendar: the WorkingCalendar handed to one plugin's rules. It
// answers from the HolidayCalendar and remembers each deadline it counted
// through a year without holiday data, so the engine can mark the plugin's
// obligations due on those dates as provisional (the SDK's Obligation has no
// flag for it; the mark goes in the note). Not thread-safe; one per plugin run.
#pragma once

#include <set>

#include "rules/holiday_calendar.h"
#include "rules/provisional_deadline.h"

namespace beacon::rules {

class RecordingCalendar : public sdk::WorkingCalendar {
 public:
  explicit RecordingCalendar(const HolidayCalendar& calendar) : calendar_(calendar) {}
  sdk::Result<bool> isWorkingDay(const sdk::Date& day) const override {
    return calendar_.isWorkingDay(day);
  }
  sdk::Result<sdk::Date> addWorkingDays(const sdk::Date& from, int n) const override;
  // Whether some deadline counted through a year without data fell on `due`.
  bool isProvisionalDeadline(const sdk::Date& due) const {
    return provisional_.count(due.toDays()) != 0;
  }

 private:
  const HolidayCalendar& calendar_;
  mutable std::set<long> provisional_;  // Date::toDays() of such deadlines
};

}  // namespace beacon::rules
