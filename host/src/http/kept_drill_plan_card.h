// KeptDrillPlanCard: the figures of the dashboard's drill-plan card and of the organisation
// tree's drill-plan lines (summary::tallyDrillPlanExecution of the as-of year, summed per
// organisation) kept per (as-of day, organisations in scope) while the server's data is
// unchanged: the write version of an answer that shows everything (WriteVersions::stamp; any
// drill logged, corrected or voided, any plan or drill-plan write raises it, bookkeeping such
// as a login does not), the response cache's generation (a commit WriteVersions cannot read
// empties it) and the organisation tree all as when the figures were read. The tally was a
// quarter of the demo city's dashboard and half of the 50.8k-plan city's (bench/README.md,
// perf-card). At most kKeptCards scopes and days are kept, all of one data version.
// keptDrillPlanCard is thread-safe; the figures are immutable and shared.
#pragma once

#include <map>
#include <memory>
#include <vector>

#include "beacon/sdk/date.h"
#include "beacon/sdk/records.h"
#include "http/request_context.h"
#include "summary/drill_plan_execution.h"

namespace beacon::http {

struct DrillPlanCardFigures {
  summary::PlanActualCounts total;
  std::map<sdk::RecordId, summary::PlanActualCounts> by_org;  // every domain summed
};

inline constexpr std::size_t kKeptCards = 64;

// The figures of the as-of year as of `as_of` for `org_ids` (empty: every organisation).
// Throws Poco::Exception when the database cannot be read.
std::shared_ptr<const DrillPlanCardFigures> keptDrillPlanCard(
    RequestContext& ctx, const sdk::Date& as_of, const std::vector<sdk::RecordId>& org_ids);

}  // namespace beacon::http
