#include "store/holiday_year_repository.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "store/dialect.h"
#include "store/record_json.h"
#include "store/row.h"
#include "store/row_scanner.h"
#include "store/transaction.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

bool HolidayYearRepository::available() {
  return dialectOf(session_).hasTable(session_, "holiday_years");
}

std::vector<int> HolidayYearRepository::yearsAfter(int year) {
  std::vector<int> out;
  RowScanner(session_).scan("SELECT year FROM holiday_years WHERE year > $1 ORDER BY year",
                            {std::to_string(year)},
                            [&](const ScannedRow& r) { out.push_back(r.integer(0)); });
  return out;
}

std::vector<HolidayDay> HolidayYearRepository::daysAfter(int year) {
  std::vector<HolidayDay> out;
  RowScanner(session_).scan("SELECT day, kind, name FROM holiday_days WHERE year > $1 ORDER BY day",
                            {std::to_string(year)}, [&](const ScannedRow& r) {
                              out.push_back({r.text(0), r.text(1), r.text(2)});
                            });
  return out;
}

std::vector<HolidayYearSource> HolidayYearRepository::sources() {
  std::vector<HolidayYearSource> out;
  RowScanner(session_).scan(
      "SELECT year, source, imported_at, imported_by FROM holiday_years ORDER BY year", {},
      [&](const ScannedRow& r) { out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3)}); });
  return out;
}

void HolidayYearRepository::add(const std::vector<HolidayYear>& years, const std::string& source,
                                const Actor& actor) {
  const std::string at = isoTimestampNow();
  Poco::JSON::Array::Ptr listed = new Poco::JSON::Array();
  Transaction tx(session_);
  for (const HolidayYear& y : years) {
    session_ << "INSERT INTO holiday_years(year, source, imported_at, imported_by) VALUES($1, $2, "
                "$3, $4)",
        bind(y.year), bind(source), bind(at), bind(actor.username), now;
    for (const HolidayDay& d : y.days) {
      session_ << "INSERT INTO holiday_days(day, year, kind, name) VALUES($1, $2, $3, $4)",
          bind(d.day), bind(y.year), bind(d.kind), bind(d.name), now;
    }
    listed->add(y.year);
  }
  Poco::JSON::Object::Ptr after = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  after->set("file", source);
  after->set("years", listed);
  AuditLog(session_).append(actor, "import", "holiday_calendar", 0, "", stringify(after));
  tx.commit();
}

}  // namespace beacon::store
