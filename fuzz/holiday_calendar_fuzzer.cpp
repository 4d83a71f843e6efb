// holiday_calendar_fuzzer: the holiday-calendar reader
// (rules::HolidayCalendar::parse, the format of data/holidays/cn.csv) on
// arbitrary text, then the working-day questions the rules ask of a
// calendar that loaded. The contract checked: a bad file is a failed Status
// naming calendar.holidays_file, never an exception; a loaded calendar
// answers for every day of its declared years, and adding working days
// lands on a working day after the start.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include "rules/holiday_calendar.h"

using namespace beacon;

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "holiday_calendar_fuzzer: %s\n", what.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  sdk::Result<rules::HolidayCalendar> loaded = sdk::Status::internal("not parsed");
  try {
    loaded = rules::HolidayCalendar::parse(text, "fuzz.csv");
  } catch (const std::exception& e) {
    fail(std::string("parse threw: ") + e.what());
  }
  if (!loaded.isOk()) {
    if (loaded.status().field() != "calendar.holidays_file") fail("a parse error without the key");
    return 0;
  }
  const rules::HolidayCalendar& cal = loaded.value();
  if (cal.firstYear() < 1900 || cal.lastYear() < cal.firstYear()) fail("impossible #years range");
  // The first weeks of the first year, the turn of the last year, one year past it.
  const int last = cal.lastYear();
  for (const sdk::Date& from : {sdk::Date{cal.firstYear(), 1, 1}, sdk::Date{cal.firstYear(), 2, 28},
                                sdk::Date{last, 12, 20}, sdk::Date{last + 1, 1, 1}}) {
    // Every day gets an answer: outside the declared years it is weekends only
    // (provisional; rules/provisional_deadline.h marks it).
    const bool inside = from.year <= last;
    auto working = cal.isWorkingDay(from);
    if (!working.isOk()) fail("isWorkingDay refused a day");
    if (!inside && working.value() != (from.dayOfWeek() < 6)) fail("a day past the years is not weekends-only");
    (void)cal.nameOf(from);
    for (int n : {0, 1, 20}) {
      auto to = cal.addWorkingDays(from, n);
      if (!to.isOk()) fail("addWorkingDays refused a count of 0 or more");
      if (to.value() < from) fail("addWorkingDays went back in time");
      if (n > 0) {
        auto on = cal.isWorkingDay(to.value());
        if (!on.isOk() || !on.value()) fail("addWorkingDays landed on a day off");
      } else if (to.value() != from) {
        fail("adding 0 working days moved the day");
      }
    }
  }
  if (cal.addWorkingDays(sdk::Date{cal.firstYear(), 1, 1}, -1).isOk()) fail("a negative count was accepted");
  return 0;
}
