#include "summary/drill_tally.h"

#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace beacon::summary {

namespace {

sdk::Date monthEnd(const sdk::Date& d) { return {d.year, d.month, sdk::Date::daysInMonth(d.year, d.month)}; }
std::string monthKey(const sdk::Date& d) { return d.toString().substr(0, 7); }

// Appends " AND org_id IN ($n, ...)" binding every id; an empty set matches nothing.
void orgFilter(Poco::Data::Statement& st, std::string& sql, int& next, const std::set<sdk::RecordId>& orgs) {
  sql += " AND org_id IN (";
  bool first = true;
  for (sdk::RecordId id : orgs) {
    sql += (first ? "$" : ", $") + std::to_string(next++);
    st, bind(static_cast<Poco::Int64>(id));
    first = false;
  }
  if (first) sql += "NULL";
  sql += ")";
}

}  // namespace

MonthSplit splitByMonth(const sdk::Date& from, const sdk::Date& to) {
  MonthSplit out;
  if (!from.isSet() || !to.isSet() || to < from) return out;
  sdk::Date start = from;
  if (start.day != 1) {
    const sdk::Date end = monthEnd(start);
    if (end >= to) {
      out.fragments.push_back({start, to});
      return out;
    }
    out.fragments.push_back({start, end});
    start = end.addDays(1);
  }
  sdk::Date last_full = to;
  if (to != monthEnd(to)) {
    const sdk::Date head{to.year, to.month, 1};
    out.fragments.push_back({head, to});
    if (head == start) return out;
    last_full = head.addDays(-1);
  }
  out.first_month = monthKey(start);
  out.last_month = monthKey(last_full);
  return out;
}

std::map<std::string, int> DrillTally::byType(const sdk::Date& from, const sdk::Date& to) {
  std::map<std::string, int> out;
  const MonthSplit split = splitByMonth(from, to);
  auto run = [&](const std::string& sql, const std::string& lo, const std::string& hi) {
    std::vector<std::string> types;
    std::vector<int> counts;
    session_ << sql, bind(lo), bind(hi), into(types), into(counts), now;
    for (std::size_t i = 0; i < types.size(); ++i) out[types[i]] += counts[i];
  };
  if (!split.first_month.empty()) {
    run("SELECT drill_type, SUM(n) FROM drill_month_counts WHERE month >= $1 AND month <= $2 GROUP BY drill_type",
        split.first_month, split.last_month);
  }
  for (const auto& [lo, hi] : split.fragments) {
    run("SELECT drill_type, COUNT(*) FROM drills WHERE drill_date >= $1 AND drill_date <= $2 AND voided_at = '' GROUP BY drill_type",
        lo.toString(), hi.toString());
  }
  return out;
}

std::map<std::pair<std::string, std::string>, int> DrillTally::byDomainMonth(const sdk::Date& from,
                                                                             const sdk::Date& to,
                                                                             const std::string& domain,
                                                                             const std::set<sdk::RecordId>* orgs) {
  std::map<std::pair<std::string, std::string>, int> out;
  const MonthSplit split = splitByMonth(from, to);
  auto run = [&](std::string sql, const std::string& lo, const std::string& hi) {
    std::vector<std::string> domains, months;
    std::vector<int> counts;
    Poco::Data::Statement st(session_);
    st, bind(lo), bind(hi);
    int next = 3;
    if (!domain.empty()) {
      sql += " AND domain = $" + std::to_string(next++);
      st, bind(domain);
    }
    if (orgs) orgFilter(st, sql, next, *orgs);
    st << sql + " GROUP BY 1, 2", into(domains), into(months), into(counts), now;
    for (std::size_t i = 0; i < domains.size(); ++i) out[{domains[i], months[i]}] += counts[i];
  };
  if (!split.first_month.empty()) {
    run(orgs ? "SELECT domain, month, SUM(n) FROM drill_org_month_counts WHERE month >= $1 AND month <= $2"
             : "SELECT domain, month, SUM(n) FROM drill_month_counts WHERE month >= $1 AND month <= $2",
        split.first_month, split.last_month);
  }
  for (const auto& [lo, hi] : split.fragments) {
    run("SELECT domain, substr(drill_date, 1, 7), COUNT(*) FROM drills WHERE drill_date >= $1 AND drill_date <= $2 AND voided_at = ''",
        lo.toString(), hi.toString());
  }
  return out;
}

std::map<sdk::RecordId, std::set<std::string>> DrillTally::domainsByOrg(const sdk::Date& from, const sdk::Date& to) {
  std::map<sdk::RecordId, std::set<std::string>> out;
  const MonthSplit split = splitByMonth(from, to);
  auto run = [&](const std::string& sql, const std::string& lo, const std::string& hi) {
    std::vector<Poco::Int64> ids;
    std::vector<std::string> domains;
    session_ << sql, bind(lo), bind(hi), into(ids), into(domains), now;
    for (std::size_t i = 0; i < ids.size(); ++i) out[ids[i]].insert(domains[i]);
  };
  if (!split.first_month.empty()) {
    run("SELECT org_id, domain FROM drill_org_month_counts WHERE month >= $1 AND month <= $2 GROUP BY 1, 2",
        split.first_month, split.last_month);
  }
  for (const auto& [lo, hi] : split.fragments) {
    // "org_id + 0" keeps SQLite on the covering date index instead of walking drills_org_date.
    run("SELECT org_id + 0, domain FROM drills WHERE drill_date >= $1 AND drill_date <= $2 AND voided_at = '' GROUP BY 1, 2",
        lo.toString(), hi.toString());
  }
  return out;
}

}  // namespace beacon::summary
