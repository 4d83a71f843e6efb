// PlanStepCorrection: what correcting (更正) or voiding (作废) a step of a plan's
// life cycle (plan_transitions) may do, for RecordCorrection, which decides
// who may and stores the mark and the audit entry:
//   风险评估, 应急资源调查, 公开   corrected (date, body, document, note; a
//                                 publication's body is its channel) and
//                                 validated as a new one, or voided, any time;
//   提交评审, 审批, 印发, 修订, 废止 voided only while the plan's latest step in
//                                 force; the plan's state is then recomputed
//                                 from the steps still in force (a voided 印发
//                                 leaves the version approved and not in force,
//                                 the version issued before it in force again;
//                                 a voided 修订 withdraws its version: kept as
//                                 history, never the draft again, and when it
//                                 was recorded as issued its issue is cleared
//                                 as a 印发's; a voided 废止 returns the plan to
//                                 its state);
//   评审, 评估, 备案               corrected or voided as their review or filing
//                                 record (voiding the record voids its step:
//                                 stepOf; correcting it corrects the step: follow);
//                                 a 评审 moves the draft's state, so its record is
//                                 voided only while its step is the plan's latest
//                                 (checkLatest), and the state it came from
//                                 (评审中) is restored;
//   修改编制稿                     neither corrected nor voided (edit the draft
//                                 again); it never counts as a later step.
// Messages are zh-CN, or English when `english`; a refusal names its field.
// Not thread-safe (follows its Database).
#pragma once

#include <optional>
#include <string>

#include "beacon/sdk/records.h"
#include "beacon/sdk/status.h"
#include "service/record_step_row.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/plan_transition_repository.h"

namespace beacon::service {

class PlanStepCorrection {
 public:
  PlanStepCorrection(store::Database& db, bool english) : db_(db), english_(english) {}
  // Whether `step` can be corrected at all (field "step" otherwise).
  sdk::Status checkCorrectable(const store::PlanTransition& step) const;
  // Applies one changed field by its API name: date, body (or channel), document (or link), note.
  sdk::Status apply(store::PlanTransition& step, const std::string& name,
                    const std::string& value) const;
  // The corrected step validated as a new one of its kind.
  sdk::Status validate(const store::PlanTransition& step);
  // Whether `step` can be voided now (field "step" otherwise).
  sdk::Status checkVoidable(const store::PlanTransition& step);
  // Whether `step` is the plan's latest step in force (a 修改编制稿 does not count); refused
  // (field "step") naming the later step otherwise.
  sdk::Status checkLatest(const store::PlanTransition& step);
  // After `step` was marked voided, inside the same transaction: withdraws an
  // 印发 (or an issued 修订) or a 废止 and sets the plan's status from the steps still in force.
  void afterVoid(const store::PlanTransition& step, const store::Actor& actor);
  // After a review/evaluation or filing was corrected, inside the same transaction: its step
  // `step` follows it (`row`, service/record_step_row.h). Its day, body, document and note are
  // corrected in place; a changed kind, version or outcome (评审 通过 ↔ 不通过) voids the row
  // and records the corrected one, which moves the plan's state and is therefore allowed only
  // while the step is the plan's latest (Invalid naming `field` otherwise: the caller's
  // transaction is then not committed).
  sdk::Status follow(const store::PlanTransition& step, const StepRow& row, const std::string& field,
                     const std::string& reason, const store::Actor& actor);
  // The step in force a review/evaluation or filing recorded (same plan, version, day and,
  // for a filing, body and number), if any: voided with its record.
  std::optional<store::PlanTransition> stepOf(const sdk::Review& review);
  std::optional<store::PlanTransition> stepOf(const sdk::Filing& filing);

 private:
  sdk::Status draftEditIsFinal() const;
  // The plan's latest step in force when it is not `step`.
  std::optional<store::PlanTransition> laterStep(const store::PlanTransition& step);
  // The plan's status from its steps in force (a version in force: issued, else its draft's stage).
  void recomputeStatus(sdk::RecordId plan_id, const store::Actor& actor);
  std::string text(const std::string& zh, const std::string& en) const {
    return english_ ? en : zh;
  }
  store::Database& db_;
  bool english_;
};

}  // namespace beacon::service
