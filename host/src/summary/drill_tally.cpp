#include "summary/drill_tally.h"

#include "store/drill_counts.h"

namespace beacon::summary {

namespace {

sdk::Date monthEnd(const sdk::Date& d) { return {d.year, d.month, sdk::Date::daysInMonth(d.year, d.month)}; }
std::string monthKey(const sdk::Date& d) { return d.toString().substr(0, 7); }

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
  store::DrillCounts counts(session_);
  const MonthSplit split = splitByMonth(from, to);
  if (!split.first_month.empty()) counts.byTypeInMonths(split.first_month, split.last_month, out);
  for (const auto& [lo, hi] : split.fragments) counts.byTypeOnDays(lo.toString(), hi.toString(), out);
  return out;
}

std::map<std::pair<std::string, std::string>, int> DrillTally::byDomainMonth(const sdk::Date& from,
                                                                             const sdk::Date& to,
                                                                             const std::string& domain,
                                                                             const std::set<sdk::RecordId>* orgs) {
  std::map<std::pair<std::string, std::string>, int> out;
  store::DrillCounts counts(session_);
  const store::DrillCountScope scope{domain, orgs};
  const MonthSplit split = splitByMonth(from, to);
  if (!split.first_month.empty()) {
    counts.byDomainMonthInMonths(split.first_month, split.last_month, scope, out);
  }
  for (const auto& [lo, hi] : split.fragments) {
    counts.byDomainMonthOnDays(lo.toString(), hi.toString(), scope, out);
  }
  return out;
}

std::map<sdk::RecordId, std::set<std::string>> DrillTally::domainsByOrg(const sdk::Date& from, const sdk::Date& to) {
  std::map<sdk::RecordId, std::set<std::string>> out;
  store::DrillCounts counts(session_);
  const MonthSplit split = splitByMonth(from, to);
  if (!split.first_month.empty()) counts.domainsByOrgInMonths(split.first_month, split.last_month, out);
  for (const auto& [lo, hi] : split.fragments) counts.domainsByOrgOnDays(lo.toString(), hi.toString(), out);
  return out;
}

std::map<std::pair<sdk::RecordId, std::string>, int> DrillTally::byOrgDomain(const sdk::Date& from,
                                                                             const sdk::Date& to,
                                                                             const std::string& domain) {
  store::DrillCounts::ByOrgDomain out;
  store::DrillCounts counts(session_);
  const MonthSplit split = splitByMonth(from, to);
  if (!split.first_month.empty()) counts.byOrgDomainInMonths(split.first_month, split.last_month, domain, out);
  for (const auto& [lo, hi] : split.fragments) counts.byOrgDomainOnDays(lo.toString(), hi.toString(), domain, out);
  return out;
}

}  // namespace beacon::summary
