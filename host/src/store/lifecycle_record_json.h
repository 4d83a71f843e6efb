// JSON forms of the records made correctable by migration 22: drill evaluation
// reports, annual drill plans and their planned drills, and plan life-cycle
// steps, for the audit log's before/after snapshots and the correction
// history (store/record_json.h has the older records). The void mark is not
// part of them (RecordVoids adds it). Stateless; thread-safe.
#pragma once

#include <Poco/JSON/Object.h>

#include "store/drill_evaluation.h"
#include "store/drill_plan.h"
#include "store/plan_transition_repository.h"

namespace beacon::store {

Poco::JSON::Object::Ptr toJson(const DrillEvaluation&);
Poco::JSON::Object::Ptr toJson(const DrillPlanItem&);
// The plan's own fields and its items in force.
Poco::JSON::Object::Ptr toJson(const DrillPlan&);
Poco::JSON::Object::Ptr toJson(const PlanTransition&);

}  // namespace beacon::store
