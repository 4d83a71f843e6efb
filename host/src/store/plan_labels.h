// readPlanLabels: the code and title of each of a set of plans, read by id
// in statements of at most 500 ids, so a page names the plans of the rows it
// shows instead of loading every plan of the city (the dashboard read all
// 50.8k plans per request for a title map: 56.6 % of its time, issue #13).
// A named query over the plans table. Not thread-safe (follows its Session).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"

namespace beacon::store {

struct PlanLabel {
  std::string code;
  std::string title;
};

// The labels of those of `ids` that exist (duplicates and 0 allowed); empty for no ids.
std::unordered_map<sdk::RecordId, PlanLabel> readPlanLabels(Poco::Data::Session& session,
                                                            std::vector<sdk::RecordId> ids);

}  // namespace beacon::store
