// DrillTally: drill counts over any date range, read from the summary tables
// drill_month_counts and drill_org_month_counts (schema migration 6) for the
// whole calendar months inside the range (drill_org_year_counts, migration 44,
// for whole years of the per-organisation counts) and from the drills table only for
// the partial months at its ends. The tables are kept exact in the writing
// transaction: inserts by DrillRepository::add/addBatch (so every import),
// updates and deletes (raw SQL included) by triggers on drills. Drills must
// be inserted through DrillRepository; a new write path or another store
// must keep that property. Not thread-safe (uses the Session).
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/date.h"
#include "beacon/sdk/records.h"

namespace beacon::summary {

// [from, to] cut into whole calendar months (as "YYYY-MM", first..last) and
// the leftover day ranges at either end.
struct MonthSplit {
  std::string first_month;  // empty: no whole month inside
  std::string last_month;
  std::vector<std::pair<sdk::Date, sdk::Date>> fragments;
};
MonthSplit splitByMonth(const sdk::Date& from, const sdk::Date& to);

class DrillTally {
 public:
  explicit DrillTally(Poco::Data::Session& session) : session_(session) {}

  // Drills dated within [from, to] per drill type.
  std::map<std::string, int> byType(const sdk::Date& from, const sdk::Date& to);
  // Drills dated within [from, to] per (domain, "YYYY-MM"); `domain` empty
  // means all, `orgs` null means every organisation.
  std::map<std::pair<std::string, std::string>, int> byDomainMonth(const sdk::Date& from, const sdk::Date& to,
                                                                   const std::string& domain,
                                                                   const std::set<sdk::RecordId>* orgs);
  // The domains each organisation held at least one drill in within [from, to].
  std::map<sdk::RecordId, std::set<std::string>> domainsByOrg(const sdk::Date& from, const sdk::Date& to);
  // Drills dated within [from, to] per (organisation, domain); `domain` empty means all. Whole
  // calendar years are read from drill_org_year_counts (migration 44), and a range covering more
  // than half of one year as that year's counts less the months and days outside it.
  std::map<std::pair<sdk::RecordId, std::string>, int> byOrgDomain(const sdk::Date& from,
                                                                   const sdk::Date& to,
                                                                   const std::string& domain);

 private:
  Poco::Data::Session& session_;
};

}  // namespace beacon::summary
