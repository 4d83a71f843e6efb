#include "store/drill_counts.h"

#include <vector>

#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace beacon::store {

namespace {

void byType(Poco::Data::Session& session, const std::string& sql, const std::string& lo,
            const std::string& hi, DrillCounts::ByType& out) {
  std::vector<std::string> types;
  std::vector<int> counts;
  session << sql, bind(lo), bind(hi), into(types), into(counts), now;
  for (std::size_t i = 0; i < types.size(); ++i) out[types[i]] += counts[i];
}

void domainsByOrg(Poco::Data::Session& session, const std::string& sql, const std::string& lo,
                  const std::string& hi, DrillCounts::DomainsByOrg& out) {
  std::vector<Poco::Int64> ids;
  std::vector<std::string> domains;
  session << sql, bind(lo), bind(hi), into(ids), into(domains), now;
  for (std::size_t i = 0; i < ids.size(); ++i) out[ids[i]].insert(domains[i]);
}

// Appends " AND org_id IN ($n, ...)" binding every id; an empty set matches nothing.
void orgFilter(Poco::Data::Statement& st, std::string& sql, int& next,
               const std::set<sdk::RecordId>& orgs) {
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

void DrillCounts::byTypeInMonths(const std::string& first, const std::string& last, ByType& out) {
  byType(session_,
         "SELECT drill_type, SUM(n) FROM drill_month_counts WHERE month >= $1 AND month <= $2"
         " GROUP BY drill_type",
         first, last, out);
}

void DrillCounts::byTypeOnDays(const std::string& lo, const std::string& hi, ByType& out) {
  byType(session_,
         "SELECT drill_type, COUNT(*) FROM drills WHERE drill_date >= $1 AND drill_date <= $2"
         " AND voided_at = '' GROUP BY drill_type",
         lo, hi, out);
}

void DrillCounts::byDomainMonthInMonths(const std::string& first, const std::string& last,
                                        const DrillCountScope& scope, ByDomainMonth& out) {
  byDomainMonth(scope.orgs ? "SELECT domain, month, SUM(n) FROM drill_org_month_counts"
                             " WHERE month >= $1 AND month <= $2"
                           : "SELECT domain, month, SUM(n) FROM drill_month_counts"
                             " WHERE month >= $1 AND month <= $2",
                first, last, scope, out);
}

void DrillCounts::byDomainMonthOnDays(const std::string& lo, const std::string& hi,
                                      const DrillCountScope& scope, ByDomainMonth& out) {
  byDomainMonth(
      "SELECT domain, substr(drill_date, 1, 7), COUNT(*) FROM drills"
      " WHERE drill_date >= $1 AND drill_date <= $2 AND voided_at = ''",
      lo, hi, scope, out);
}

void DrillCounts::byDomainMonth(std::string sql, const std::string& lo, const std::string& hi,
                                const DrillCountScope& scope, ByDomainMonth& out) {
  std::vector<std::string> domains, months;
  std::vector<int> counts;
  Poco::Data::Statement st(session_);
  st, bind(lo), bind(hi);
  int next = 3;
  if (!scope.domain.empty()) {
    sql += " AND domain = $" + std::to_string(next++);
    st, bind(scope.domain);
  }
  if (scope.orgs) orgFilter(st, sql, next, *scope.orgs);
  st << sql + " GROUP BY 1, 2", into(domains), into(months), into(counts), now;
  for (std::size_t i = 0; i < domains.size(); ++i) out[{domains[i], months[i]}] += counts[i];
}

void DrillCounts::domainsByOrgInMonths(const std::string& first, const std::string& last,
                                       DomainsByOrg& out) {
  domainsByOrg(session_,
               "SELECT org_id, domain FROM drill_org_month_counts WHERE month >= $1 AND month <= $2"
               " GROUP BY 1, 2",
               first, last, out);
}

void DrillCounts::domainsByOrgOnDays(const std::string& lo, const std::string& hi,
                                     DomainsByOrg& out) {
  // "org_id + 0" keeps SQLite on the covering date index instead of walking drills_org_date.
  domainsByOrg(session_,
               "SELECT org_id + 0, domain FROM drills WHERE drill_date >= $1 AND drill_date <= $2"
               " AND voided_at = '' GROUP BY 1, 2",
               lo, hi, out);
}

void DrillCounts::byOrgDomainInMonths(const std::string& first, const std::string& last,
                                      const std::string& domain, ByOrgDomain& out) {
  byOrgDomain("SELECT org_id, domain, SUM(n) FROM drill_org_month_counts WHERE month >= $1 AND month <= $2",
              first, last, domain, out);
}

void DrillCounts::byOrgDomainOnDays(const std::string& lo, const std::string& hi,
                                    const std::string& domain, ByOrgDomain& out) {
  // "org_id + 0": the covering date index, as in domainsByOrgOnDays.
  byOrgDomain(
      "SELECT org_id + 0, domain, COUNT(*) FROM drills WHERE drill_date >= $1 AND drill_date <= $2"
      " AND voided_at = ''",
      lo, hi, domain, out);
}

void DrillCounts::byOrgDomainInYears(const std::string& first, const std::string& last,
                                     const std::string& domain, ByOrgDomain& out) {
  byOrgDomain(
      "SELECT org_id, domain, SUM(n) FROM drill_org_year_counts WHERE year >= $1 AND year <= $2",
      first, last, domain, out);
}

void DrillCounts::byOrgDomain(std::string sql, const std::string& lo, const std::string& hi,
                              const std::string& domain, ByOrgDomain& out) {
  std::vector<Poco::Int64> ids;
  std::vector<std::string> domains;
  std::vector<int> counts;
  Poco::Data::Statement st(session_);
  st, bind(lo), bind(hi);
  if (!domain.empty()) {
    sql += " AND domain = $3";
    st, bind(domain);
  }
  st << sql + " GROUP BY 1, 2", into(ids), into(domains), into(counts), now;
  for (std::size_t i = 0; i < ids.size(); ++i) out[{ids[i], domains[i]}] += counts[i];
}

}  // namespace beacon::store
