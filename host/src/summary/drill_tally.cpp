#include "summary/drill_tally.h"

#include <algorithm>

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

namespace {

// Drills dated within [lo, hi] per (organisation, domain), from the month counts and the drills
// of the partial months, added into `out`.
void byOrgDomainByMonth(store::DrillCounts& counts, const sdk::Date& lo, const sdk::Date& hi,
                        const std::string& domain, store::DrillCounts::ByOrgDomain& out) {
  const MonthSplit split = splitByMonth(lo, hi);
  if (!split.first_month.empty())
    counts.byOrgDomainInMonths(split.first_month, split.last_month, domain, out);
  for (const auto& [a, b] : split.fragments)
    counts.byOrgDomainOnDays(a.toString(), b.toString(), domain, out);
}

std::string yearKey(int year) { return sdk::Date{year, 1, 1}.toString().substr(0, 4); }

}  // namespace

std::map<std::pair<sdk::RecordId, std::string>, int> DrillTally::byOrgDomain(const sdk::Date& from,
                                                                             const sdk::Date& to,
                                                                             const std::string& domain) {
  store::DrillCounts::ByOrgDomain out;
  if (!from.isSet() || !to.isSet() || to < from) return out;
  store::DrillCounts counts(session_);
  store::DrillCounts::ByOrgDomain less;
  int first_whole = 0;
  int last_whole = -1;
  for (int year = from.year; year <= to.year; ++year) {
    const sdk::Date jan1{year, 1, 1};
    const sdk::Date dec31{year, 12, 31};
    const sdk::Date lo = std::max(from, jan1);
    const sdk::Date hi = std::min(to, dec31);
    if (lo == jan1 && hi == dec31) {
      if (last_whole < first_whole) first_whole = year;
      last_whole = year;
    } else if (2 * (hi.toDays() - lo.toDays() + 1) > dec31.toDays() - jan1.toDays() + 1) {
      // Most of the year: the year's count less the days outside [lo, hi].
      counts.byOrgDomainInYears(yearKey(year), yearKey(year), domain, out);
      if (jan1 < lo) byOrgDomainByMonth(counts, jan1, lo.addDays(-1), domain, less);
      if (hi < dec31) byOrgDomainByMonth(counts, hi.addDays(1), dec31, domain, less);
    } else {
      byOrgDomainByMonth(counts, lo, hi, domain, out);
    }
  }
  if (first_whole <= last_whole)
    counts.byOrgDomainInYears(yearKey(first_whole), yearKey(last_whole), domain, out);
  for (const auto& [key, n] : less) {
    const auto it = out.emplace(key, 0).first;
    it->second -= n;
    if (it->second == 0) out.erase(it);
  }
  return out;
}

}  // namespace beacon::summary
