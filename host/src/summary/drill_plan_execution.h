// DrillPlanExecution: annual drill plans versus the drills actually held
// (年度演练计划执行情况) for one year as of a date, per organisation and
// domain, from the records: the plans made on or before the as-of day, and
// the drills in force of the year dated on or before it, matched to the
// planned drills by matchDrillPlan (service/drill_plan_matcher.h). A planned
// drill is held as planned when its drill falls in the planned month or
// before it, held late when after it, not held when it has no drill and its
// month is over, and not yet due otherwise; a drill of the year that meets no
// planned drill (or of an organisation without a plan) is held but not
// planned. Nothing dated after the as-of day counts, so the figures as of a
// past day stay as they were. Only the drills of organisations with a plan
// are read, with what the matcher needs (store/plan_matching_drills.h); every
// other organisation's drills are counted from the yearly and monthly counts
// (summary/drill_tally.h), so the cost follows the plans, not the city's year
// of drills. Plain values and a stateless function;
// thread-safe apart from the Session it reads through.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/date.h"
#include "beacon/sdk/records.h"

namespace beacon::summary {

struct PlanActualCounts {
  int planned = 0;
  int on_time = 0;    // 按计划完成: in the planned month or before it
  int late = 0;       // 延后完成: after the planned month
  int missing = 0;    // 未完成: no drill, the planned month is over
  int pending = 0;    // 未到期: no drill yet, the planned month is not over
  int unplanned = 0;  // 计划外: held, but meets no planned drill
  void add(const PlanActualCounts& other);
  // Planned drills the as-of day has passed the month of and that were not held on time.
  int behind() const { return late + missing; }
};

struct PlanActualRow {
  sdk::RecordId org_id = 0;
  std::string domain;
  sdk::RecordId drill_plan_id = 0;  // 0: the organisation has no drill plan for the year
  PlanActualCounts counts;
};

struct DrillPlanExecution {
  int year = 0;
  sdk::Date as_of;
  std::vector<PlanActualRow> rows;  // by organisation id, then domain
  PlanActualCounts total;
};

// REQUIRES: as_of set. `orgs` null: every organisation; `domain` empty: every domain.
DrillPlanExecution tallyDrillPlanExecution(Poco::Data::Session& session, int year,
                                           const sdk::Date& as_of,
                                           const std::set<sdk::RecordId>* orgs,
                                           const std::string& domain);

}  // namespace beacon::summary
