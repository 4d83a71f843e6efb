// readPlanMatchingDrills: the drills in force of some organisations dated within [from, to], each
// with only what service::matchDrillPlan reads (id, organisation, emergency plan, domain, drill
// type, date), for the drill-plan figures (summary::tallyDrillPlanExecution), which read the
// planned organisations' year of drills on every dashboard request: DrillRepository::list reads
// every column and parses each drill's fields and texts. Statements of at most 500 organisations.
// A named query over the drills table. Not thread-safe (follows its Session).
#pragma once

#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/date.h"
#include "beacon/sdk/records.h"

namespace beacon::store {

// `domain` empty: every domain. Drills in no particular order; the other fields are left empty.
std::vector<sdk::Drill> readPlanMatchingDrills(Poco::Data::Session& session,
                                               const std::vector<sdk::RecordId>& org_ids,
                                               const sdk::Date& from, const sdk::Date& to,
                                               const std::string& domain);

}  // namespace beacon::store
