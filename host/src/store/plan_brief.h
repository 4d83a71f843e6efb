// PlanBrief: the few columns of a plan the plan-status summary counts by
// (domain, owner, status flags), read in one scan without the plan's texts;
// titles are read afterwards only for the plans a summary lists. Named
// queries over the plans table (moved here from summary/, issue #12). Plain
// data and free functions; not thread-safe (follows its Session).
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"

namespace beacon::store {

struct PlanBrief {
  sdk::RecordId id = 0;
  std::string_view domain;  // into PlanBriefs::domains
  sdk::RecordId owner_org_id = 0;
  sdk::PlanStatus status = sdk::PlanStatus::Drafting;
  bool revision_required = false;
  int current_version = 0;
};

struct PlanBriefs {
  std::set<std::string, std::less<>> domains;
  std::vector<PlanBrief> plans;  // by id
};

// Every plan of `domain` (empty: all), abolished ones included.
PlanBriefs loadPlanBriefs(Poco::Data::Session& session, const std::string& domain);
// The titles of the given plans (missing ids are absent).
std::map<sdk::RecordId, std::string> planTitles(Poco::Data::Session& session,
                                                const std::set<sdk::RecordId>& ids);

}  // namespace beacon::store
