#include "summary/plan_status/drill_coverage.h"

#include <Poco/JSON/Array.h>

namespace beacon::summary::plan_status {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::vector<std::string> coverageDomains(const plugins::PluginRegistry& registry,
                                         const PlanStatusScope& scope) {
  std::vector<std::string> domains;
  if (!scope.domain.empty()) {
    domains.push_back(scope.domain);
  } else {
    for (const auto* r : registry.enabled()) domains.push_back(r->id);
  }
  return domains;
}

DrillCoverage drillCoverage(const std::vector<sdk::Organisation>& orgs,
                            const TownshipOf& township_of, const PlanStatusScope& scope,
                            const std::vector<std::string>& domains,
                            const std::map<sdk::RecordId, std::set<std::string>>& drilled) {
  DrillCoverage coverage;
  for (const auto& o : orgs) {
    if (o.kind != sdk::OrgKind::Township && o.kind != sdk::OrgKind::SubDistrict) continue;
    if (scope.contains(o.id)) coverage[o.id].covered.assign(domains.size(), 0);
  }
  for (const auto& o : orgs) {
    const bool unit = o.kind == sdk::OrgKind::Village || o.kind == sdk::OrgKind::Community ||
                      o.kind == sdk::OrgKind::Enterprise || o.kind == sdk::OrgKind::Institution;
    auto town = township_of.find(o.id);
    if (!unit || town == township_of.end() || !scope.contains(o.id)) continue;
    auto cov = coverage.find(town->second);
    if (cov == coverage.end()) continue;
    ++cov->second.units;
    auto d = drilled.find(o.id);
    if (d == drilled.end()) continue;
    for (std::size_t i = 0; i < domains.size(); ++i)
      cov->second.covered[i] += d->second.count(domains[i]) ? 1 : 0;
  }
  return coverage;
}

void addCoverageJson(Object& data, const DrillCoverage& coverage,
                     const std::vector<std::string>& domains, const OrgById& org_by_id,
                     const plugins::PluginRegistry& registry, const Lang& t) {
  Array::Ptr coverage_domains = new Array;
  for (const auto& dname : domains) {
    Object::Ptr o = orderedObject();
    o->set("domain", dname);
    o->set("label", domainLabel(registry, dname, t));
    coverage_domains->add(o);
  }
  data.set("coverage_domains", coverage_domains);
  Array::Ptr coverage_rows = new Array;
  for (const auto& [town_id, cov] : coverage) {
    Object::Ptr r = orderedObject();
    r->set("township", org_by_id.at(town_id)->name);
    r->set("units", cov.units);
    Array::Ptr cells = new Array;
    for (int n : cov.covered) {
      Object::Ptr cell = orderedObject();
      cell->set("covered", n);
      cell->set("share", percent(n, cov.units));
      cells->add(cell);
    }
    r->set("cells", cells);
    coverage_rows->add(r);
  }
  data.set("coverage", coverage_rows);
}

}  // namespace beacon::summary::plan_status
