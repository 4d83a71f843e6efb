#include "rules/imported_holidays.h"

#include <fstream>
#include <sstream>

#include "store/holiday_year_repository.h"

namespace beacon::rules {

namespace {
std::string kindOf(bool working) { return working ? "workday" : "holiday"; }
}  // namespace

std::vector<std::pair<sdk::Date, bool>> listedDays(const HolidayCalendar& calendar, int year) {
  std::vector<std::pair<sdk::Date, bool>> out;
  for (sdk::Date day{year, 1, 1}; day.year == year; day = day.addDays(1)) {
    const auto working = calendar.isWorkingDay(day);
    if (!working.isOk()) continue;
    const bool weekday = day.dayOfWeek() < 6;
    if (working.value() != weekday || !calendar.nameOf(day).empty())
      out.emplace_back(day, working.value());
  }
  return out;
}

sdk::Result<HolidayCalendar> loadCalendarWithImports(Poco::Data::Session& session,
                                                     const std::string& path) {
  auto file = HolidayCalendar::load(path);
  store::HolidayYearRepository stored(session);
  if (!file.isOk() || !stored.available()) return file;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  int last = file.value().lastYear();
  const std::vector<int> years = stored.yearsAfter(last);
  for (const int year : years) {
    if (year != last + 1) {
      return sdk::Status::invalid(
          "calendar.holidays_file",
          "imported year " + std::to_string(year) + " does not follow " + std::to_string(last));
    }
    last = year;
  }
  if (years.empty()) return file;
  std::string days;
  for (const auto& d : stored.daysAfter(file.value().lastYear())) {
    days += d.day + "," + d.kind + "," + d.name + "\n";
  }
  // The file's own lines, its #years line widened to the imported years, then theirs.
  std::istringstream lines(text.str());
  std::string line;
  std::string combined;
  while (std::getline(lines, line)) {
    if (line.rfind("#years", 0) == 0) {
      line = "#years," + std::to_string(file.value().firstYear()) + "-" + std::to_string(last);
    }
    combined += line + "\n";
  }
  return HolidayCalendar::parse(combined + days,
                                path + " + holiday_years (beacon calendar import)");
}

sdk::Result<std::vector<int>> importYears(Poco::Data::Session& session,
                                          const HolidayCalendar& current, const std::string& file,
                                          const store::Actor& actor) {
  auto added = HolidayCalendar::load(file);
  if (!added.isOk()) return sdk::Status::invalid("FILE", added.status().message());
  const HolidayCalendar& cal = added.value();
  if (cal.firstYear() <= current.lastYear() && cal.lastYear() >= current.firstYear()) {
    return sdk::Status::invalid(
        "FILE", file + ": the calendar already covers " + std::to_string(current.firstYear()) +
                    "-" + std::to_string(current.lastYear()) + "; a year is imported once");
  }
  if (cal.firstYear() != current.lastYear() + 1) {
    return sdk::Status::invalid(
        "FILE", file + ": the next year to import is " + std::to_string(current.lastYear() + 1) +
                    ", the file starts with " + std::to_string(cal.firstYear()));
  }
  store::HolidayYearRepository stored(session);
  if (!stored.available()) {
    return sdk::Status::invalid("beacon.database",
                                "the database has no holiday_years table; run `beacon init`");
  }
  std::vector<store::HolidayYear> added_years;
  std::vector<int> years;
  for (int year = cal.firstYear(); year <= cal.lastYear(); ++year) {
    store::HolidayYear& y = added_years.emplace_back();
    y.year = year;
    for (const auto& [day, working] : listedDays(cal, year)) {
      y.days.push_back({day.toString(), kindOf(working), cal.nameOf(day)});
    }
    years.push_back(year);
  }
  stored.add(added_years, file, actor);
  return years;
}

std::map<int, std::string> importedYearSources(Poco::Data::Session& session) {
  std::map<int, std::string> out;
  store::HolidayYearRepository stored(session);
  if (!stored.available()) return out;
  for (const auto& y : stored.sources()) {
    out[y.year] = y.source + ", " + y.imported_at + ", " + y.imported_by;
  }
  return out;
}

}  // namespace beacon::rules
