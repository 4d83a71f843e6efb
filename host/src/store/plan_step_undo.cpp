#include "store/plan_step_undo.h"

#include <vector>

#include <Poco/Exception.h>

#include "store/plan_repository.h"
#include "store/record_json.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

void PlanStepUndo::withdrawIssue(sdk::RecordId version_id, const Actor& actor) {
  PlanRepository plans(session_);
  const auto before = plans.versionById(version_id);
  if (!before) throw Poco::NotFoundException("plan version " + std::to_string(version_id));
  const auto plan = plans.findById(before->plan_id);
  if (!plan) throw Poco::NotFoundException("plan " + std::to_string(before->plan_id));
  session_
      << "UPDATE plan_versions SET issued = '', effective = '', approved_by = '', document_no = ''"
         " WHERE id = $1",
      bind(static_cast<Poco::Int64>(version_id)), now;
  // The latest other issued version is in force again; without one the draft is current, as
  // for a plan still being drafted.
  std::vector<int> issued;
  session_
      << "SELECT COALESCE(MAX(number), 0) FROM plan_versions WHERE plan_id = $1 AND issued <> ''",
      bind(static_cast<Poco::Int64>(before->plan_id)), into(issued), now;
  const int current = !issued.empty() && issued[0] > 0 ? issued[0] : before->number;
  session_ << "UPDATE plans SET current_version = $1 WHERE id = $2", bind(current),
      bind(static_cast<Poco::Int64>(before->plan_id)), now;
  const auto after = plans.versionById(version_id);
  audit_.append(actor, "withdraw_issue", "plan_version", version_id,
                stringify(toJson(*before, false)), stringify(toJson(*after, false)));
  const auto plan_after = plans.findById(before->plan_id);
  audit_.append(actor, "update", "plan", plan->id, stringify(toJson(*plan)),
                stringify(toJson(*plan_after)));
}

void PlanStepUndo::withdrawAbolition(sdk::RecordId plan_id, const Actor& actor) {
  PlanRepository plans(session_);
  const auto before = plans.findById(plan_id);
  if (!before) throw Poco::NotFoundException("plan " + std::to_string(plan_id));
  session_ << "UPDATE plans SET abolished_on = '', replaced_by_plan_id = NULL WHERE id = $1",
      bind(static_cast<Poco::Int64>(plan_id)), now;
  const auto after = plans.findById(plan_id);
  audit_.append(actor, "withdraw_abolition", "plan", plan_id, stringify(toJson(*before)),
                stringify(toJson(*after)));
}

}  // namespace beacon::store
