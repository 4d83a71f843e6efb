#include "rules/imported_holidays.h"

#include <fstream>
#include <sstream>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "rules/row_scanner.h"
#include "store/record_json.h"
#include "store/row.h"
#include "store/transaction.h"

using namespace Poco::Data::Keywords;

namespace beacon::rules {

namespace {
bool hasTables(Poco::Data::Session& session) {
  int n = 0;
  session << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'holiday_years'",
      into(n), now;
  return n == 1;
}

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
  if (!file.isOk() || !hasTables(session)) return file;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  int last = file.value().lastYear();
  std::string days;
  RowScanner scanner(session);
  std::vector<int> years;
  scanner.scan("SELECT year FROM holiday_years WHERE year > $1 ORDER BY year",
               {std::to_string(last)}, [&](const ScannedRow& r) { years.push_back(r.integer(0)); });
  for (const int year : years) {
    if (year != last + 1) {
      return sdk::Status::invalid(
          "calendar.holidays_file",
          "imported year " + std::to_string(year) + " does not follow " + std::to_string(last));
    }
    last = year;
  }
  if (years.empty()) return file;
  scanner.scan("SELECT day, kind, name FROM holiday_days WHERE year > $1 ORDER BY day",
               {std::to_string(file.value().lastYear())}, [&](const ScannedRow& r) {
                 days += r.text(0) + "," + r.text(1) + "," + r.text(2) + "\n";
               });
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
  if (!hasTables(session)) {
    return sdk::Status::invalid("beacon.database",
                                "the database has no holiday_years table; run `beacon init`");
  }
  const std::string at = store::isoTimestampNow();
  std::vector<int> years;
  Poco::JSON::Array::Ptr listed = new Poco::JSON::Array();
  store::Transaction tx(session);
  for (int year = cal.firstYear(); year <= cal.lastYear(); ++year) {
    session << "INSERT INTO holiday_years(year, source, imported_at, imported_by) VALUES($1, $2, "
               "$3, $4)",
        bind(year), bind(file), bind(at), bind(actor.username), now;
    for (const auto& [day, working] : listedDays(cal, year)) {
      session << "INSERT INTO holiday_days(day, year, kind, name) VALUES($1, $2, $3, $4)",
          bind(day.toString()), bind(year), bind(kindOf(working)), bind(cal.nameOf(day)), now;
    }
    years.push_back(year);
    listed->add(year);
  }
  Poco::JSON::Object::Ptr after = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  after->set("file", file);
  after->set("years", listed);
  store::AuditLog(session).append(actor, "import", "holiday_calendar", 0, "",
                                  store::stringify(after));
  tx.commit();
  return years;
}

std::map<int, std::string> importedYearSources(Poco::Data::Session& session) {
  std::map<int, std::string> out;
  if (!hasTables(session)) return out;
  RowScanner(session).scan("SELECT year, source, imported_at, imported_by FROM holiday_years", {},
                           [&](const ScannedRow& r) {
                             out[r.integer(0)] = r.text(1) + ", " + r.text(2) + ", " + r.text(3);
                           });
  return out;
}

}  // namespace beacon::rules
