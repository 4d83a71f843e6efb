// Drill coverage: under each township (or sub-district) in scope, how many of
// its villages, communities and units there are and how many of them held a
// drill of each domain in the twelve months up to the summary's date; and its
// JSON for the summary templates. Plain data; thread-safe for reads.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "plugins/plugin_registry.h"
#include "summary/plan_status/plan_status_scope.h"
#include "summary/plan_status/township_map.h"
#include "summary/summary_context.h"

namespace beacon::summary::plan_status {

struct TownshipCoverage {
  int units = 0;
  std::vector<int> covered;  // per domain of coverageDomains()
};
using DrillCoverage = std::map<sdk::RecordId, TownshipCoverage>;  // by township id

// The scope's domain, or every enabled plugin's.
std::vector<std::string> coverageDomains(const plugins::PluginRegistry& registry,
                                         const PlanStatusScope& scope);
// `drilled`: the domains each organisation held a drill in (DrillTally::domainsByOrg). Every
// township in scope has an entry, with no units when none of its units is in scope.
DrillCoverage drillCoverage(const std::vector<sdk::Organisation>& orgs,
                            const TownshipOf& township_of, const PlanStatusScope& scope,
                            const std::vector<std::string>& domains,
                            const std::map<sdk::RecordId, std::set<std::string>>& drilled);

// Sets coverage_domains and coverage.
void addCoverageJson(Poco::JSON::Object& data, const DrillCoverage& coverage,
                     const std::vector<std::string>& domains, const OrgById& org_by_id,
                     const plugins::PluginRegistry& registry, const Lang& t);

}  // namespace beacon::summary::plan_status
