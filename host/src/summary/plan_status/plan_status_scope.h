// PlanStatusScope: what a plan-status summary covers, from its request: the
// date it counts as of, the organisation subtree (township) or the domain
// (domain) it is limited to, and the name it is titled with. Plain value;
// thread-safe once resolved.
#pragma once

#include <set>
#include <string>

#include "beacon/sdk/date.h"
#include "beacon/sdk/records.h"
#include "beacon/sdk/status.h"
#include "plugins/plugin_registry.h"
#include "store/organisation_repository.h"
#include "summary/place_words.h"
#include "summary/summary_context.h"
#include "summary/summary_service.h"

namespace beacon::summary::plan_status {

struct PlanStatusScope {
  sdk::Date as_of;
  bool scoped = false;              // township: only `subtree` counts
  std::set<sdk::RecordId> subtree;  // the township's organisations, itself included
  std::string domain;               // domain: only its plans and duties; empty: all
  std::string name;                 // 全市, the township's name or the domain's label

  bool contains(sdk::RecordId org_id) const { return !scoped || subtree.count(org_id) != 0; }
};

// Fails naming the request field that is missing or wrong: as_of (or year), org_code for
// township, domain for domain.
sdk::Result<PlanStatusScope> resolvePlanStatusScope(const SummaryRequest& req,
                                                    store::OrganisationRepository& orgs,
                                                    const plugins::PluginRegistry& registry,
                                                    const PlaceWords& place, const Lang& t);

}  // namespace beacon::summary::plan_status
