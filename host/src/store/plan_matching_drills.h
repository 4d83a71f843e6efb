// readPlanMatchingDrills: the drills in force of some organisations dated within [from, to] and of
// some (domain, drill type) pairs (the types their drill plans name: a drill of another type fits
// no planned drill), each with only what service::matchDrillPlan reads (id, organisation,
// emergency plan, domain, drill type, date), for the drill-plan figures
// (summary::tallyDrillPlanExecution), which read the planned organisations' drills on every
// dashboard request. One statement per 500 organisations, stepped by RowScanner, over the columns
// of the index drills_group_latest (domain, org_id, drill_type, plan_id, drill_date: no table row
// is read; the voided drills are taken out by a second read through the partial index
// drills_voided). On the 50.8k-plan / 1M-drill city (140 plans, 70,044 drills of the planned
// organisations in 2023, 12,330 of their planned types) DrillRepository::list of every drill of
// those organisations cost ~230 ms CPU per dashboard (bench/README.md, 2026-12-02 perf-card). Not
// thread-safe (follows its Session).
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/date.h"
#include "beacon/sdk/records.h"

namespace beacon::store {

// Drills in no particular order; their other fields are left empty.
std::vector<sdk::Drill> readPlanMatchingDrills(
    Poco::Data::Session& session, const std::vector<sdk::RecordId>& org_ids,
    const std::set<std::pair<std::string, std::string>>& domain_types, const sdk::Date& from,
    const sdk::Date& to);

}  // namespace beacon::store
