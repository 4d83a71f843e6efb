// PlansAsOf: the plans a plan-status summary counts, each in its life-cycle
// state as of the summary's date (from its dated records only, not its state
// now), and apart from them the plans abolished by then, which are listed on
// their own and counted nowhere else. Plain data; not thread-safe to build
// (reads through the Session).
#pragma once

#include <vector>

#include <Poco/Data/Session.h>
#include <Poco/JSON/Array.h>

#include "rules/plan_history.h"
#include "store/plan_brief.h"
#include "summary/plan_status/plan_status_scope.h"

namespace beacon::summary::plan_status {

struct PlansAsOf {
  store::PlanBriefs briefs;                  // plans: in scope and not abolished, by id
  std::vector<sdk::RecordId> abolished_ids;  // in scope, by id
};

PlansAsOf loadPlansAsOf(Poco::Data::Session& session, const rules::PlanHistory& history,
                        const PlanStatusScope& scope);

// The abolished plans: code, title, owner, the abolition's date (empty when it was recorded
// before the days were, or falls after `as_of`) and the successor's code.
Poco::JSON::Array::Ptr abolishedPlansJson(Poco::Data::Session& session,
                                          const std::vector<sdk::RecordId>& ids,
                                          const sdk::Date& as_of);

}  // namespace beacon::summary::plan_status
