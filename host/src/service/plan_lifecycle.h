// PlanLifecycle: the plan life cycle as a state machine, the one place the
// CLI, the API and the pages move a plan from step to step. The states are
// sdk::PlanStatus; each step is recorded in plan_transitions (who, when, the
// day, the body and document that came with it):
//
//   编制中 drafting  --提交评审-->  评审中 in_review
//   编制中 --修改编制稿-->  编制中 (the draft's text, e.g. after 评审 不通过; no new version)
//   评审中 --评审 通过 / 修改后通过-->  评审中 (passed)   --评审 不通过-->  编制中
//   评审中 (passed)  --审批-->  已批准 approved  --印发-->  已印发 issued
//   已印发: 备案, 公开, 评估 (the version in force); 修订 starts a new draft
//   version with its own drafting → … → issued path while the issued one
//   stays in force until the new one is issued
//   any state but 已废止 --废止 (or replaced by another plan)-->  已废止 abolished
//
// 风险评估 and 应急资源调查 are recorded while drafting; an enterprise plan
// needs both before it is submitted for review (GB/T 29639-2020 编制程序
// steps 3 and 4; 部令第2号 第二十七条 lists their results among the filing
// materials). A step the state does not allow is refused naming the current
// state and the step (field "status"), in zh-CN or, when `english`, in
// English; every other bad input names its field. Each call is one
// transaction: a failure writes nothing. 评审, 评估, 备案 and 修订 are taken
// by PlanService, which checks them here (checkReview, checkFiling,
// checkRevision) and records their step. Not thread-safe (follows its
// Database).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "beacon/sdk/records.h"
#include "beacon/sdk/status.h"
#include "service/lifecycle_step.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/plan_transition_repository.h"

namespace beacon::service {

// What a step brings: the day it happened, the body (审批机关, 公开渠道), the
// document (文号, link) and a note. Which of them a step needs is named in
// each call's comment.
struct StepRecord {
  sdk::Date date;
  std::string body;
  std::string document;
  std::string note;
};

// What 印发 needs besides its StepRecord (date = 印发日期, document = 文号).
struct IssueRecord {
  StepRecord step;
  sdk::Date effective;  // unset: the issue date
};

// What 修改编制稿 brings: the draft's whole new text and a note (what changed and why).
struct DraftEdit {
  std::string text;
  std::string note;
};

// The state a step is checked against, read from the plan, its versions and
// its transitions.
struct LifecycleState {
  sdk::Plan plan;
  sdk::PlanVersion in_force;  // id 0: no version in force
  sdk::PlanVersion draft;     // the latest version when it is not issued; id 0: none
  sdk::PlanStatus draft_stage = sdk::PlanStatus::Drafting;
  sdk::Date draft_since;       // the day of the draft's latest step
  bool review_passed = false;  // the draft's latest 评审 since it was submitted passed
  bool in_force_filed = false;      // the version in force has a 备案
  bool in_force_published = false;  // it has a 公开 (or a filing with its publication date)
  std::vector<store::PlanTransition> transitions;
  // The state refusals name: abolished, else the draft's stage, else issued / drafting.
  sdk::PlanStatus shown() const;
};

class PlanLifecycle {
 public:
  PlanLifecycle(store::Database& db, bool english) : db_(db), english_(english) {}

  // 风险评估 / 应急资源调查 (step must be one of the two): date required, document and note
  // optional.
  sdk::Result<sdk::RecordId> recordPreparation(sdk::RecordId plan_id, LifecycleStep step,
                                               const StepRecord& record, const store::Actor& actor);
  // 提交评审 of the draft version: date required.
  sdk::Result<sdk::RecordId> submitForReview(sdk::RecordId plan_id, const StepRecord& record,
                                             const store::Actor& actor);
  // 修改编制稿: replaces the text of the draft while it is 编制中 (a first draft, a draft
  // revision, or either sent back by 评审 不通过), in place: no new version, not counted as
  // 修订. text required (field text) and different from the draft's; the step is dated today and
  // the version's audit entry keeps the text before and after. Refused naming the state in
  // 评审中, 已批准, 已印发 without a draft revision, and 已废止.
  sdk::Result<sdk::RecordId> editDraft(sdk::RecordId plan_id, const DraftEdit& edit,
                                       const store::Actor& actor);
  // 审批 of a draft whose review passed: date and body (审批机关; field approved_by) required.
  sdk::Result<sdk::RecordId> approve(sdk::RecordId plan_id, const StepRecord& record,
                                     const store::Actor& actor);
  // 印发 of the approved draft: date (field issued) and document (文号; field document_no)
  // required.
  sdk::Result<sdk::RecordId> issue(sdk::RecordId plan_id, const IssueRecord& record,
                                   const store::Actor& actor);
  // 公开 of the version in force: date and body (渠道; field channel) required; document (field
  // link), note.
  sdk::Result<sdk::RecordId> publish(sdk::RecordId plan_id, const StepRecord& record,
                                     const store::Actor& actor);
  // 公开 of version `number` as a ledger records it (a bulk import of past publications): the
  // version must be the one in force on the day (issued on or before it and not yet replaced;
  // field version); `number` 0 takes that version. Otherwise as publish().
  sdk::Result<sdk::RecordId> publishVersion(sdk::RecordId plan_id, int number,
                                            const StepRecord& record, const store::Actor& actor);
  // 废止: date required; `replaced_by` a plan code or empty.
  sdk::Result<sdk::RecordId> abolish(sdk::RecordId plan_id, const StepRecord& record,
                                     const std::string& replaced_by, const store::Actor& actor);
  // The state now. REQUIRES: plan_id names a plan.
  LifecycleState state(sdk::RecordId plan_id);

  // The steps `state` allows, in life-cycle order: the one table every step below is checked
  // against (a step it does not list is refused naming the state), the plan page's forms and the
  // API's "allowed_steps". 编制中: 风险评估, 应急资源调查, then 修改编制稿 and 提交评审 (of a draft); 评审中: 评审,
  // then after a 评审 通过 / 修改后通过: 审批; 已批准: 印发; with a version in force: 备案, 公开,
  // 评估 and 修订 (unless a draft revision is in review or approved); a plan never issued is not
  // 修订 (only a plan without any text gets its first one that way); 废止 in every state but
  // 已废止, which allows nothing.
  static std::vector<LifecycleStep> allowedSteps(const LifecycleState& state);
  static bool allows(const LifecycleState& state, LifecycleStep step);
  // The step the plan waits for: the draft's next step, else the first of 备案 / 公开 the version
  // in force lacks, else 评估; none when abolished or when the plan has no text yet.
  static std::optional<LifecycleStep> nextStep(const LifecycleState& state);

  // For PlanService, inside its transaction. `version` is the version the
  // record is about. A 评审 needs a draft submitted for review (a 评审 of an
  // issued version is history only when dated on or before its issue) and the
  // conclusions 通过/修改后通过/不通过; a 评估 needs an issued version and the
  // conclusions 继续有效/需修订.
  sdk::Status checkReview(const LifecycleState& state, const sdk::Review& review,
                          const sdk::PlanVersion& version);
  sdk::Status checkFiling(const LifecycleState& state, const sdk::PlanVersion& version);
  sdk::Status checkRevision(const LifecycleState& state);
  // The refusal of `step` in the state `state`, with what the step needs.
  sdk::Status refuse(const LifecycleState& state, LifecycleStep step, sdk::PlanStatus current,
                     const std::string& need_zh, const std::string& need_en) const;
  // Appends the step's transition row.
  sdk::RecordId record(const LifecycleState& state, LifecycleStep step, sdk::RecordId version_id,
                       sdk::PlanStatus from, sdk::PlanStatus to, const StepRecord& record,
                       const store::Actor& actor);

 private:
  // One step: a transaction, the plan's state loaded, an abolished plan refused, then `body`.
  sdk::Result<sdk::RecordId> run(
      sdk::RecordId plan_id, LifecycleStep step,
      const std::function<sdk::Result<sdk::RecordId>(const LifecycleState&, sdk::PlanStatus)>&
          body);
  // The refusal of a draft's step when the plan has no draft: `in_force_*` say what to do when a
  // version is in force, else the plan has no text yet.
  sdk::Status refuseWithoutDraft(const LifecycleState& state, LifecycleStep step,
                                 sdk::PlanStatus current, const std::string& in_force_zh,
                                 const std::string& in_force_en) const;
  sdk::Status checkRecord(const StepRecord& record, bool body_required,
                          const std::string& body_field, bool document_required,
                          const std::string& document_field,
                          const std::string& date_field = "date");
  std::string text(const std::string& zh, const std::string& en) const {
    return english_ ? en : zh;
  }
  store::Database& db_;
  bool english_;
};

// After a minor version is issued (which clears revision_required): sets it again
// when a finding still stands, i.e. a plan defect the version does not answer
// (a minor revision answers only the corrective action it names; PlanHistory).
void restoreRevisionFlag(Poco::Data::Session& session, sdk::RecordId plan_id,
                         const store::Actor& actor);

// The state of `plan` from the store. REQUIRES: a stored plan.
LifecycleState loadLifecycleState(Poco::Data::Session& session, const sdk::Plan& plan);

}  // namespace beacon::service
