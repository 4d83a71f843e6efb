#include "rules/holiday_calendar.h"

#include <fstream>
#include <sstream>
#include <vector>

namespace beacon::rules {

namespace {
std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return std::string();
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

std::vector<std::string> splitCsv(const std::string& line) {
  std::vector<std::string> out;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, ',')) out.push_back(trim(cell));
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

bool parseYear(const std::string& s, int& year) {
  if (s.size() != 4 || s.find_first_not_of("0123456789") != std::string::npos) return false;
  year = std::stoi(s);
  return year >= 1900;
}

}  // namespace

sdk::Result<HolidayCalendar> HolidayCalendar::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return sdk::Status::invalid("calendar.holidays_file", "cannot read holiday file " + path);
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path);
}

sdk::Result<HolidayCalendar> HolidayCalendar::parse(const std::string& text,
                                                    const std::string& source) {
  HolidayCalendar cal;
  std::istringstream in(text);
  std::string line;
  int line_no = 0;
  bool header_seen = false;
  auto fail = [&](const std::string& message) {
    return sdk::Status::invalid("calendar.holidays_file",
                                source + " line " + std::to_string(line_no) + ": " + message);
  };
  while (std::getline(in, line)) {
    ++line_no;
    line = trim(line);
    if (line_no == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line = line.substr(3);
    if (line.empty()) continue;
    if (line.rfind("#years", 0) == 0) {
      const auto cells = splitCsv(line);
      const std::string range = cells.size() == 2 ? cells[1] : std::string();
      const auto dash = range.find('-');
      int first = 0;
      int last = 0;
      if (dash == std::string::npos || !parseYear(range.substr(0, dash), first) ||
          !parseYear(range.substr(dash + 1), last) || last < first) {
        return fail("expected \"#years,FIRST-LAST\" (e.g. #years,2023-2026), got \"" + line + "\"");
      }
      if (cal.first_year_ != 0) return fail("#years declared twice");
      cal.first_year_ = first;
      cal.last_year_ = last;
      continue;
    }
    if (line[0] == '#') continue;
    const auto cells = splitCsv(line);
    if (!header_seen) {
      if (cells.size() < 2 || cells[0] != "date" || cells[1] != "kind") {
        return fail("expected the header \"date,kind,name\", got \"" + line + "\"");
      }
      header_seen = true;
      continue;
    }
    if (cal.first_year_ == 0) return fail("data before the #years line");
    if (cells.size() < 2 || cells.size() > 3) {
      return fail("expected date,kind,name, got \"" + line + "\"");
    }
    const auto day = sdk::Date::parse(cells[0]);
    if (!day) return fail("date must be YYYY-MM-DD, got \"" + cells[0] + "\"");
    if (day->year < cal.first_year_ || day->year > cal.last_year_) {
      return fail("date " + cells[0] + " is outside the declared #years " +
                  std::to_string(cal.first_year_) + "-" + std::to_string(cal.last_year_));
    }
    Entry entry;
    if (cells[1] == "holiday") {
      entry.working = false;
    } else if (cells[1] == "workday") {
      entry.working = true;
      if (day->dayOfWeek() < 6) {
        return fail("make-up working day " + cells[0] + " is not a Saturday or Sunday");
      }
    } else {
      return fail("kind must be holiday or workday, got \"" + cells[1] + "\"");
    }
    entry.name = cells.size() == 3 ? cells[2] : std::string();
    if (!cal.entries_.emplace(day->toDays(), std::move(entry)).second) {
      return fail("date " + cells[0] + " is listed twice");
    }
  }
  if (cal.first_year_ == 0) {
    return sdk::Status::invalid("calendar.holidays_file",
                                source + ": missing the \"#years,FIRST-LAST\" line");
  }
  if (!header_seen) {
    return sdk::Status::invalid("calendar.holidays_file",
                                source + ": missing the header \"date,kind,name\"");
  }
  return cal;
}

sdk::Result<bool> HolidayCalendar::isWorkingDay(const sdk::Date& day) const {
  if (!day.isSet()) return sdk::Status::invalid("date", "no date given to the working-day calendar");
  // A year without data: weekends only (rules/provisional_deadline.h marks what it decides).
  const auto it = entries_.find(day.toDays());
  if (it != entries_.end()) return it->second.working;
  return day.dayOfWeek() < 6;
}

sdk::Result<sdk::Date> HolidayCalendar::addWorkingDays(const sdk::Date& from, int n) const {
  if (n < 0) {
    return sdk::Status::invalid("working_days", "must be 0 or more, got " + std::to_string(n));
  }
  auto start = isWorkingDay(from);
  if (!start.isOk()) return start.status();
  sdk::Date day = from;
  for (int counted = 0; counted < n;) {
    day = day.addDays(1);
    auto working = isWorkingDay(day);
    if (!working.isOk()) return working.status();
    if (working.value()) ++counted;
  }
  return day;
}

std::string HolidayCalendar::nameOf(const sdk::Date& day) const {
  if (!day.isSet()) return std::string();
  const auto it = entries_.find(day.toDays());
  return it == entries_.end() ? std::string() : it->second.name;
}

}  // namespace beacon::rules
