#include "beacon/sdk/testing/fake_working_calendar.h"

#include <string>

namespace beacon::sdk::testing {

sdk::Result<bool> FakeWorkingCalendar::isWorkingDay(const sdk::Date& day) const {
  if (day.year < first_year_ || day.year > last_year_) {
    return sdk::Status::notFound("no working-day calendar for the year " +
                                 std::to_string(day.year));
  }
  const long n = day.toDays();
  if (make_up_days_.count(n)) return true;
  if (holidays_.count(n)) return false;
  return day.dayOfWeek() <= 5;
}

sdk::Result<sdk::Date> FakeWorkingCalendar::addWorkingDays(const sdk::Date& from, int n) const {
  sdk::Date day = from;
  while (n > 0) {
    day = day.addDays(1);
    auto working = isWorkingDay(day);
    if (!working.isOk()) return working.status();
    if (working.value()) --n;
  }
  return day;
}

}  // namespace beacon::sdk::testing
