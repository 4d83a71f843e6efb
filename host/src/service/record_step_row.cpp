#include "service/record_step_row.h"

namespace beacon::service {

StepRow reviewStepRow(const sdk::Review& review, bool english) {
  StepRow row;
  row.version_id = review.plan_version_id;
  row.record.date = review.date;
  row.record.body = review.reviewers;
  row.record.note =
      std::string(english ? sdk::labelEn(review.conclusion) : sdk::labelZh(review.conclusion)) +
      (review.findings.empty() ? "" : (english ? ": " : "：") + review.findings);
  if (review.kind == sdk::ReviewKind::Evaluation) {
    row.step = LifecycleStep::Evaluate;
    row.from = row.to = sdk::PlanStatus::Issued;
  } else {
    row.step = LifecycleStep::Review;
    row.from = sdk::PlanStatus::InReview;
    row.to = review.conclusion == sdk::ReviewConclusion::Failed ? sdk::PlanStatus::Drafting
                                                                : sdk::PlanStatus::InReview;
  }
  return row;
}

StepRow filingStepRow(const sdk::Filing& filing) {
  StepRow row;
  row.step = LifecycleStep::File;
  row.version_id = filing.plan_version_id;
  row.from = row.to = sdk::PlanStatus::Issued;
  row.record.date = filing.submitted;
  row.record.body = filing.target_body;
  row.record.document = filing.registration_no;
  return row;
}

}  // namespace beacon::service
