// RecordStepRow: the life-cycle step (plan_transitions) a review/evaluation
// (评审/评估) or a filing (备案) records: its kind, the state it leads to and
// its day, body, document and note. PlanService writes the row from it when
// the record is added, RecordCorrection rewrites it when the record is
// corrected, so the plan's history always shows the record as it stands.
// Stateless; thread-safe.
#pragma once

#include "beacon/sdk/records.h"
#include "service/lifecycle_step.h"
#include "service/plan_lifecycle.h"

namespace beacon::service {

struct StepRow {
  LifecycleStep step = LifecycleStep::Review;
  sdk::RecordId version_id = 0;
  sdk::PlanStatus from = sdk::PlanStatus::InReview;
  sdk::PlanStatus to = sdk::PlanStatus::InReview;
  StepRecord record;
};

// 评审: in review → in review (通过, 修改后通过) or drafting (不通过); 评估: issued → issued. The
// note is the conclusion and findings, in English when `english`.
StepRow reviewStepRow(const sdk::Review& review, bool english);
// 备案: issued → issued; body the filing's target, document its registration number.
StepRow filingStepRow(const sdk::Filing& filing);

}  // namespace beacon::service
