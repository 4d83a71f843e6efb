#include "store/record_reader_queries.h"

#include <algorithm>
#include <unordered_map>

#include "store/dialect.h"
#include "store/record_json.h"
#include "store/record_parse.h"
#include "store/record_rows.h"
#include "store/row_scanner.h"
#include "store/scoped_drill_ids.h"
#include "store/sql_id_list.h"

namespace beacon::store {

namespace {

// `out` ordered by date, then id (a table pass reads in id order).
void sortByDateThenId(std::vector<sdk::Drill>& out) {
  struct Key {
    long day;
    sdk::RecordId id;
    std::size_t index;
  };
  std::vector<Key> keys(out.size());
  for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = {out[i].date.toDays(), out[i].id, i};
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    return a.day < b.day || (a.day == b.day && a.id < b.id);
  });
  std::vector<sdk::Drill> sorted;
  sorted.reserve(out.size());
  for (const Key& k : keys) sorted.push_back(std::move(out[k.index]));
  out = std::move(sorted);
}

}  // namespace

RecordReaderQueries::RecordReaderQueries(Poco::Data::Session& session, std::string domain,
                                         std::shared_ptr<const std::vector<sdk::RecordId>> scope)
    : session_(session),
      domain_(std::move(domain)),
      scope_(std::move(scope)),
      scope_list_(scope_ ? sqlIdList(*scope_) : std::string()) {}

std::vector<std::string> RecordReaderQueries::domainParams() const {
  return domain_.empty() ? std::vector<std::string>() : std::vector<std::string>{domain_};
}

std::string RecordReaderQueries::planJoin(const std::string& alias) const {
  if (domain_.empty() && !scope_) return std::string();
  std::string join = " JOIN plans p ON p.id = " + alias + ".plan_id";
  if (!domain_.empty()) join += " AND p.domain = $1";
  if (scope_) join += " AND p.owner_org_id IN " + scope_list_;
  return join;
}

std::string RecordReaderQueries::drillScope(const std::string& alias) const {
  if (!scope_) return std::string();
  return " AND (" + alias + ".org_id IN " + scope_list_ + " OR " + alias +
         ".plan_id IN (SELECT id FROM plans WHERE owner_org_id IN " + scope_list_ + "))";
}

bool RecordReaderQueries::largeWindow(const sdk::Date& from, const sdk::Date& to) const {
  std::vector<std::string> params = {
      from.isSet() ? from.toString().substr(0, 7) : std::string("0000-00"),
      to.isSet() ? to.toString().substr(0, 7) : std::string("9999-99")};
  std::string sql =
      "SELECT COALESCE(SUM(n), 0) FROM drill_month_counts WHERE month >= $1 AND month <= $2";
  if (!domain_.empty()) {
    params.push_back(domain_);
    sql += " AND domain = $3";
  }
  Poco::Int64 window = 0, total = 0;
  RowScanner scanner(session_);
  scanner.scan(sql, params, [&](const ScannedRow& r) { window = r.int64(0); });
  scanner.scan("SELECT COALESCE(SUM(n), 0) FROM drill_month_counts", {},
               [&](const ScannedRow& r) { total = r.int64(0); });
  return window * 16 > total && window > 10000;
}

std::vector<sdk::Organisation> RecordReaderQueries::organisations() const {
  RowScanner scanner(session_);
  std::vector<sdk::Organisation> out;
  std::unordered_map<sdk::RecordId, std::size_t> index;
  const std::string where =
      scope_ ? " WHERE id IN " + scope_list_ +
                   " OR id IN (SELECT parent_id FROM organisations WHERE id IN " + scope_list_ +
                   ")"
             : std::string();
  scanner.scan("SELECT id, code, name, kind, parent_id FROM organisations" + where + " ORDER BY id",
               {}, [&](const ScannedRow& r) {
                 out.push_back(organisationFromRow(r));
                 index.emplace(out.back().id, out.size() - 1);
               });
  scanner.scan("SELECT org_id, name, value FROM organisation_attributes", {},
               [&](const ScannedRow& r) {
                 const auto it = index.find(r.int64(0));
                 if (it != index.end()) out[it->second].attributes[r.text(1)] = r.text(2);
               });
  return out;
}

std::vector<sdk::Plan> RecordReaderQueries::plans() const {
  std::vector<sdk::Plan> out;
  RowScanner(session_).scan(
      std::string("SELECT id, code, title, domain, category, owner_org_id, status, "
                  "revision_required, revision_reason, current_version FROM plans") +
          (domain_.empty() ? " WHERE 1 = 1" : " WHERE domain = $1") +
          (scope_ ? " AND owner_org_id IN " + scope_list_ : std::string()) + " ORDER BY id",
      domainParams(), [&](const ScannedRow& r) { out.push_back(planFromRow(r)); });
  return out;
}

std::vector<sdk::PlanVersion> RecordReaderQueries::versions() const {
  std::vector<sdk::PlanVersion> out;
  RowScanner(session_).scan(
      "SELECT v.id, v.plan_id, v.number, v.action, v.revision_trigger, v.major, v.issued, "
      "v.effective, v.author, v.created_at FROM plan_versions v" +
          planJoin("v") + " ORDER BY v.plan_id, v.number",
      domainParams(), [&](const ScannedRow& r) { out.push_back(versionFromRow(r)); });
  return out;
}

std::vector<sdk::Review> RecordReaderQueries::reviews() const {
  std::vector<sdk::Review> out;
  RowScanner(session_).scan(
      "SELECT r.id, r.plan_id, r.plan_version_id, r.kind, r.review_date, r.reviewers, "
      "r.conclusion, r.findings FROM reviews r" +
          planJoin("r") + " WHERE r.voided_at = '' ORDER BY r.review_date, r.id",
      domainParams(), [&](const ScannedRow& row) { out.push_back(reviewFromRow(row)); });
  return out;
}

std::vector<sdk::Filing> RecordReaderQueries::filings() const {
  std::vector<sdk::Filing> out;
  RowScanner(session_).scan(
      "SELECT f.id, f.plan_id, f.plan_version_id, f.target_body, f.submitted, "
      "f.registration_no, f.published FROM filings f" +
          planJoin("f") + " WHERE f.voided_at = '' ORDER BY f.submitted, f.id",
      domainParams(), [&](const ScannedRow& row) { out.push_back(filingFromRow(row)); });
  return out;
}

std::vector<sdk::Drill> RecordReaderQueries::drills(const sdk::Date& from,
                                                    const sdk::Date& to) const {
  std::vector<std::string> params;
  std::string where = " WHERE voided_at = ''";
  if (!domain_.empty()) {
    params.push_back(domain_);
    where += " AND domain = $" + std::to_string(params.size());
  }
  if (from.isSet()) {
    params.push_back(from.toString());
    where += " AND drill_date >= $" + std::to_string(params.size());
  }
  if (to.isSet()) {
    params.push_back(to.toString());
    where += " AND drill_date <= $" + std::to_string(params.size());
  }
  if (scope_) where += " AND drills.id IN " + scopedDrillIds(scope_list_);
  // A window holding a large share of all drills is read faster by one pass over the table in
  // id order, sorted here, than through the date index (a random row lookup per drill costs ~20
  // sequential row visits; measured on SQLite with 1M drills: 0.75 s against 0.11 s for a
  // 3-year window of one domain). Only where the dialect can ask for the table pass.
  const auto unindexed = dialectOf(session_).unindexedTable("drills");
  const bool scan_table = unindexed && !scope_ && largeWindow(from, to);
  const std::string sql = std::string("SELECT ") + kDrillRowColumns + " FROM " +
                          (scan_table ? *unindexed : std::string("drills")) + where +
                          (scan_table ? std::string() : std::string(" ORDER BY drill_date, id"));
  std::vector<sdk::Drill> out;
  RowScanner(session_).scan(sql, params,
                            [&](const ScannedRow& r) { out.push_back(drillFromRow(r)); });
  if (scan_table) sortByDateThenId(out);
  return out;
}

std::vector<sdk::LatestDrill> RecordReaderQueries::latestDrills(
    const sdk::Date& from, const sdk::Date& to, const std::string& flag_field) const {
  std::vector<std::string> params = {flag_field,
                                     from.isSet() ? from.toString() : std::string("0000-01-01"),
                                     to.isSet() ? to.toString() : std::string("9999-12-31")};
  // The newest drill of group x dated within [$2, `upper`] as "YYYY-MM-DD <id>"; NULL when there
  // is none.
  const auto newest = [&flag_field](const std::string& upper) {
    return flag_field.empty()
               ? "SELECT d.drill_date || ' ' || d.id FROM drills d WHERE d.domain = x.domain AND "
                 "d.org_id = x.org_id AND d.drill_type = x.drill_type AND d.plan_id IS NOT "
                 "DISTINCT FROM NULLIF(x.plan_id, 0) AND d.drill_date >= $2 AND d.drill_date " +
                     upper +
                     " AND d.voided_at = '' ORDER BY d.drill_date DESC, d.id DESC LIMIT 1"
               : "SELECT f.drill_date || ' ' || f.drill_id FROM drill_flags f WHERE f.domain = "
                 "x.domain AND f.flag = x.flag AND f.org_id = x.org_id AND f.drill_type = "
                 "x.drill_type AND f.plan_id = x.plan_id AND f.drill_date >= $2 AND "
                 "f.drill_date " +
                     upper + " ORDER BY f.drill_date DESC, f.drill_id DESC LIMIT 1";
  };
  // Each group's newest drill, and the newest dated before that one's day: the drill that closed
  // the cycle before, so that an interval rule knows when the newest one was due (one more seek).
  std::string groups = "SELECT x.org_id, x.plan_id, x.drill_type, x.domain, x.flag, (" +
                       newest("<= $3") + ") AS newest FROM drill_groups x WHERE x.flag = $1";
  if (!domain_.empty()) {
    params.push_back(domain_);
    groups += " AND x.domain = $4";
  }
  groups += drillScope("x");
  // Materialised, so that each group's newest drill is sought once.
  const std::string sql =
      "WITH x AS MATERIALIZED (" + groups +
      ") SELECT x.org_id, x.plan_id, x.drill_type, x.newest, CASE WHEN x.newest IS NULL"
      " THEN NULL ELSE (" +
      newest("< substr(x.newest, 1, 10)") + ") END FROM x";
  std::vector<sdk::LatestDrill> out;
  RowScanner(session_).scan(sql, params, [&](const ScannedRow& r) {
    for (const int column : {3, 4}) {
      const std::string found = r.text(column);
      if (found.size() < 12) continue;  // NULL: no (earlier) drill of this group in the window
      const auto day = sdk::Date::parse(found.substr(0, 10));
      if (!day) continue;
      sdk::LatestDrill& g = out.emplace_back();
      g.org_id = r.int64(0);
      g.plan_id = r.int64(1);
      g.drill_type = r.text(2);
      g.drill = sdk::RecordRef{"drill", std::stoll(found.substr(11)), *day};
    }
  });
  return out;
}

std::map<sdk::RecordId, sdk::Date> RecordReaderQueries::revisionFlaggedOn() const {
  std::map<sdk::RecordId, sdk::Date> out;
  RowScanner(session_).scan(
      "SELECT entity_id, MAX(at) FROM audit_log WHERE entity = 'plan' AND action = "
      "'revision_required' GROUP BY entity_id",
      {}, [&](const ScannedRow& r) {
        const auto day = sdk::Date::parse(r.text(1).substr(0, 10));
        if (day) out[r.int64(0)] = *day;
      });
  return out;
}

std::vector<sdk::Organisation> organisationTree(Poco::Data::Session& session) {
  std::vector<sdk::Organisation> out;
  RowScanner(session).scan(
      "SELECT id, name, kind, COALESCE(parent_id, 0) FROM organisations ORDER BY id", {},
      [&](const ScannedRow& r) {
        sdk::Organisation& o = out.emplace_back();
        o.id = r.int64(0);
        o.name = r.text(1);
        o.kind = store::parseOrgKind(r.text(2)).value_or(sdk::OrgKind::Institution);
        o.parent_id = r.int64(3);
      });
  return out;
}

}  // namespace beacon::store
