// DrillCounts: the drill count queries summary::DrillTally combines: sums
// over the summary tables drill_month_counts / drill_org_month_counts
// (migrations 6 and 7) for whole months ("YYYY-MM" first..last) and
// drill_org_year_counts (migration 44) for whole years ("YYYY"), and
// GROUP BYs over the non-voided drills for day ranges ("YYYY-MM-DD"
// lo..hi). Each call adds its counts into `out`, so a tally can sum months
// and partial days. Named queries; not thread-safe (follows its Session).
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"

namespace beacon::store {

// What byDomainMonth counts: `domain` empty means all, `orgs` null every organisation
// (an empty set matches none).
struct DrillCountScope {
  std::string domain;
  const std::set<sdk::RecordId>* orgs = nullptr;
};

class DrillCounts {
 public:
  using ByType = std::map<std::string, int>;
  using ByDomainMonth = std::map<std::pair<std::string, std::string>, int>;
  using DomainsByOrg = std::map<sdk::RecordId, std::set<std::string>>;
  using ByOrgDomain = std::map<std::pair<sdk::RecordId, std::string>, int>;

  explicit DrillCounts(Poco::Data::Session& session) : session_(session) {}

  // Per drill type, in the months first..last / on the days lo..hi.
  void byTypeInMonths(const std::string& first, const std::string& last, ByType& out);
  void byTypeOnDays(const std::string& lo, const std::string& hi, ByType& out);
  // Per (domain, "YYYY-MM") within the scope.
  void byDomainMonthInMonths(const std::string& first, const std::string& last,
                             const DrillCountScope& scope, ByDomainMonth& out);
  void byDomainMonthOnDays(const std::string& lo, const std::string& hi,
                           const DrillCountScope& scope, ByDomainMonth& out);
  // The domains each organisation drilled in.
  void domainsByOrgInMonths(const std::string& first, const std::string& last, DomainsByOrg& out);
  void domainsByOrgOnDays(const std::string& lo, const std::string& hi, DomainsByOrg& out);
  // Per (organisation, domain), of one domain (`domain` empty: every domain).
  void byOrgDomainInMonths(const std::string& first, const std::string& last,
                           const std::string& domain, ByOrgDomain& out);
  void byOrgDomainOnDays(const std::string& lo, const std::string& hi, const std::string& domain,
                         ByOrgDomain& out);
  void byOrgDomainInYears(const std::string& first, const std::string& last,
                          const std::string& domain, ByOrgDomain& out);

 private:
  void byDomainMonth(std::string sql, const std::string& lo, const std::string& hi,
                     const DrillCountScope& scope, ByDomainMonth& out);
  void byOrgDomain(std::string sql, const std::string& lo, const std::string& hi,
                   const std::string& domain, ByOrgDomain& out);
  Poco::Data::Session& session_;
};

}  // namespace beacon::store
