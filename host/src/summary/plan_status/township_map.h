// The organisation index and township map the plan-status builders share:
// each organisation by id, and the township (乡镇) or sub-district (街道) at
// or above each organisation. Plain maps of pointers into the caller's
// organisation list, which must outlive them; thread-safe for reads.
#pragma once

#include <unordered_map>
#include <vector>

#include "beacon/sdk/records.h"

namespace beacon::summary::plan_status {

using OrgById = std::unordered_map<sdk::RecordId, const sdk::Organisation*>;
using TownshipOf = std::unordered_map<sdk::RecordId, sdk::RecordId>;

OrgById indexById(const std::vector<sdk::Organisation>& orgs);
// The nearest township or sub-district walking up from each organisation (itself first, at most
// 32 levels); organisations with none above them (the city and its own units) are absent.
TownshipOf townshipOf(const std::vector<sdk::Organisation>& orgs, const OrgById& by_id);

}  // namespace beacon::summary::plan_status
