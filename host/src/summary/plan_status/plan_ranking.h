// Plan ranking: which column of the plan-status table each plan is counted
// in. A plan not issued as of the date stays in its life-cycle stage (编制中,
// 评审中, 已批准); a plan in force (已印发) starts as 现行有效, or 需修订 when a
// finding awaits revision, and moves to the worst column its open duties ask
// for: 需修订 (an overdue revision) > 已逾期 > 即将到期 > 待备案/公开 (an
// upcoming filing or publication) > 现行有效. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <unordered_map>
#include <vector>

#include "beacon/sdk/obligation.h"
#include "beacon/sdk/records.h"
#include "rules/obligation_set.h"
#include "rules/plan_history.h"
#include "store/plan_brief.h"

namespace beacon::summary::plan_status {

// The columns in table order; the first five are the plans in force.
enum PlanColumn : std::size_t {
  kCurrent,
  kDueSoon,
  kOverdue,
  kRevisionRequired,
  kFilingPending,
  kDrafting,
  kInReview,
  kApproved
};

struct StatusColumn {
  const char* id;
  const char* zh;
  const char* en;
};
// One per PlanColumn, in its order.
const std::vector<StatusColumn>& statusColumns();

bool inForce(std::size_t column);
// The plan's column from its history alone; `status` is its life-cycle state as of the date.
std::size_t lifeCycleColumn(sdk::PlanStatus status, const rules::PlanAsOf& then);
// The column a duty of `kind` in `status` asks for; none when it asks for nothing (met, not
// applicable, or an upcoming duty other than a filing or publication).
std::optional<std::size_t> dutyColumn(sdk::ObligationKind kind, sdk::ObligationStatus status);
// `current` after a duty asked for `asked`: the worse of the two for a plan in force; a plan
// not issued keeps its stage.
std::size_t rankedColumn(std::size_t current, std::size_t asked);

using PlanColumns = std::unordered_map<sdk::RecordId, std::size_t>;
// Every plan's column as of `as_of`; also sets each plan's revision_required and current_version
// to what they were then.
PlanColumns rankPlans(std::vector<store::PlanBrief>& plans, const rules::PlanHistory& history,
                      const sdk::Date& as_of, const rules::ObligationSet& obligations);

}  // namespace beacon::summary::plan_status
