// ImportedHolidays: the years of the working-day calendar imported with
// `beacon calendar import FILE` (migration 16: holiday_years, holiday_days),
// kept in the database so that a new year's schedule needs no rebuild and no
// edit of the shipped data/holidays/cn.csv. Each imported year follows the
// last covered one; every command and the server load the file extended by
// them at start (AppContext). A year the file itself covers later (a newer
// cn.csv) is taken from the file. Stateless functions over a Session; not
// thread-safe (follows the Session).
#pragma once

#include <map>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "rules/holiday_calendar.h"
#include "store/audit_log.h"

namespace beacon::rules {

// The calendar file at `path` extended by the years imported into the database
// (none when it has no migration 16).
sdk::Result<HolidayCalendar> loadCalendarWithImports(Poco::Data::Session& session,
                                                     const std::string& path);

// Validates FILE (the calendar file format: #years, header, every date inside the
// declared years, a bad line named) and stores its years, which must follow
// `current`'s last year (a year already covered is refused), in one transaction
// with an audit entry. Nothing is written on any error. Returns the years added.
sdk::Result<std::vector<int>> importYears(Poco::Data::Session& session,
                                          const HolidayCalendar& current, const std::string& file,
                                          const store::Actor& actor);

// The imported years and where each came from ("FILE, imported AT by USER").
std::map<int, std::string> importedYearSources(Poco::Data::Session& session);

// The listed days of `year` in `calendar`: holidays on weekdays or with a name, make-up working
// days.
std::vector<std::pair<sdk::Date, bool>> listedDays(const HolidayCalendar& calendar, int year);

}  // namespace beacon::rules
