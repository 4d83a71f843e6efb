#include "summary/plan_status/plan_status_scope.h"

namespace beacon::summary::plan_status {

sdk::Result<PlanStatusScope> resolvePlanStatusScope(const SummaryRequest& req,
                                                    store::OrganisationRepository& orgs,
                                                    const plugins::PluginRegistry& registry,
                                                    const PlaceWords& place, const Lang& t) {
  PlanStatusScope scope;
  scope.as_of = req.as_of;
  if (!scope.as_of.isSet()) {
    if (req.year == 0)
      return sdk::Status::invalid("as_of", "a date (or a year) is required for " + req.kind);
    scope.as_of = sdk::Date{req.year, 12, 31};
  }
  scope.name = t(place.whole_zh, "City-wide");
  scope.scoped = req.kind == "township";
  if (scope.scoped) {
    if (req.org_code.empty())
      return sdk::Status::invalid("org_code", "an organisation code is required");
    auto root = orgs.findByCode(req.org_code);
    if (!root)
      return sdk::Status::invalid("org_code", "no organisation with code \"" + req.org_code + "\"");
    scope.subtree = orgs.subtree(root->id);
    scope.name = root->name;
  }
  if (req.kind == "domain") {
    if (req.domain.empty()) return sdk::Status::invalid("domain", "a domain is required");
    if (req.domain != sdk::kGeneralDomain && !registry.byDomain(req.domain)) {
      return sdk::Status::invalid("domain", "unknown or disabled domain \"" + req.domain + "\"");
    }
    scope.domain = req.domain;
    scope.name = domainLabel(registry, scope.domain, t);
  }
  return scope;
}

}  // namespace beacon::summary::plan_status
