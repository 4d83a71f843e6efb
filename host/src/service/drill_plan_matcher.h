// DrillPlanMatcher: plan versus actual for one annual drill plan. Matching
// rule (documented in docs/api.md): only drills of the plan's organisation,
// dated in the plan's year on or before the as-of day, count, and a drill
// matches a planned item only when its domain and drill type are the item's
// and, if the item names the emergency plan it exercises, the drill names
// that plan too. One drill matches at most one item. First every item takes
// the earliest unmatched drill of its own month; then each item still open
// takes the unmatched drill whose month is nearest to its own (ties: the
// earlier drill). Within each pass items go in month order, items naming a
// plan before the others, then by id. Stateless; thread-safe.
#pragma once

#include <vector>

#include "beacon/sdk/date.h"
#include "beacon/sdk/records.h"
#include "store/drill_plan.h"

namespace beacon::service {

struct PlannedDrillMatch {
  store::DrillPlanItem item;
  sdk::RecordId drill_id = 0;  // 0: not (yet) done
  sdk::Date drill_date;
  bool in_month = false;  // done in the planned month
  bool overdue = false;   // not done and the planned month is over as of the day
};

struct DrillPlanProgress {
  std::vector<PlannedDrillMatch> items;  // in the plan's item order
  int planned = 0;
  int done = 0;
  int done_in_month = 0;
  int missing = 0;  // not done, planned month over
  int pending = 0;  // not done, planned month not over yet
  int unplanned = 0;  // the organisation's drills of the year that match no item
};

DrillPlanProgress matchDrillPlan(const store::DrillPlan& plan, const std::vector<sdk::Drill>& drills,
                                 const sdk::Date& as_of);

}  // namespace beacon::service
