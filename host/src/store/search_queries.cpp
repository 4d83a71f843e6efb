#include "store/search_queries.h"

#include <functional>

#include "store/dialect.h"
#include "store/row_scanner.h"
#include "store/sql_id_list.h"

namespace beacon::store {

namespace {

// " AND <column> IN (...)" for a limited scope; nothing for the whole city.
std::string scopeSql(const SearchScope& scope, const std::string& column) {
  if (scope.all) return "";
  return " AND " + column + " IN " + sqlIdList(scope.org_ids);
}

// Runs `select` (the hit's columns, then COUNT(*) OVER () as the last one) over `from_where`
// (which uses $1 for the pattern), one page of it, and the total: the window count when the page
// has rows, else a COUNT(*) of its own (a page past the end, or no match).
template <typename Hit>
SearchHits<Hit> pageOf(Poco::Data::Session& session, const std::string& select,
                       const std::string& from_where, const std::string& order,
                       const std::string& pattern, const SearchPage& page, int total_column,
                       const std::function<Hit(const ScannedRow&)>& read) {
  SearchHits<Hit> out;
  const std::string sql = select + ", COUNT(*) OVER () " + from_where + " ORDER BY " + order +
                          " LIMIT " + std::to_string(page.limit) + " OFFSET " +
                          std::to_string(page.offset);
  RowScanner scanner(session);
  scanner.scan(sql, {pattern}, [&](const ScannedRow& r) {
    out.items.push_back(read(r));
    out.total = r.integer(total_column);
  });
  if (out.items.empty()) {
    scanner.scan("SELECT COUNT(*) " + from_where, {pattern},
                 [&](const ScannedRow& r) { out.total = r.integer(0); });
  }
  return out;
}

// `column` against the pattern $1, ASCII letters in either case.
std::string matches(Poco::Data::Session& session, const std::string& column) {
  return column + " " + dialectOf(session).caseInsensitiveLike() + " $1 ESCAPE '!'";
}

}  // namespace

std::string containsPattern(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '!' || c == '%' || c == '_') out += '!';
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out + "%";
}

SearchHits<PlanHit> SearchQueries::plans(const std::string& text, const SearchScope& scope,
                                         const SearchPage& page) {
  const std::string from_where = "FROM plans WHERE (" + matches(session_, "code") + " OR " +
                                 matches(session_, "title") + ")" + scopeSql(scope, "owner_org_id");
  return pageOf<PlanHit>(
      session_, "SELECT id, code, title, domain, status, owner_org_id", from_where, "code, id",
      containsPattern(text), page, 6, [](const ScannedRow& r) {
        return PlanHit{r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.int64(5)};
      });
}

SearchHits<DrillHit> SearchQueries::drills(const std::string& text, const SearchScope& scope,
                                           const SearchPage& page) {
  const std::string from_where = "FROM drills WHERE voided_at = '' AND (" +
                                 matches(session_, "place") + " OR " +
                                 matches(session_, "scenario") + ")" + scopeSql(scope, "org_id");
  return pageOf<DrillHit>(
      session_, "SELECT id, drill_date, domain, drill_type, org_id, place, scenario", from_where,
      "drill_date DESC, id DESC", containsPattern(text), page, 7, [](const ScannedRow& r) {
        return DrillHit{r.int64(0), r.text(1), r.text(2), r.text(3),
                        r.int64(4), r.text(5), r.text(6)};
      });
}

SearchHits<OrganisationHit> SearchQueries::organisations(const std::string& text,
                                                         const SearchScope& scope,
                                                         const SearchPage& page) {
  const std::string from_where = "FROM organisations WHERE (" + matches(session_, "code") + " OR " +
                                 matches(session_, "name") + ")" + scopeSql(scope, "id");
  return pageOf<OrganisationHit>(
      session_, "SELECT id, code, name, kind, COALESCE(parent_id, 0), contact_email", from_where,
      "code, id", containsPattern(text), page, 6, [](const ScannedRow& r) {
        return OrganisationHit{r.int64(0), r.text(1), r.text(2), r.text(3), r.int64(4), r.text(5)};
      });
}

}  // namespace beacon::store
