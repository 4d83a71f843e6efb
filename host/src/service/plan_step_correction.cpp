#include "service/plan_step_correction.h"

#include <Poco/String.h>

#include "service/lifecycle_step.h"
#include "service/plan_lifecycle.h"
#include "service/record_checks.h"
#include "service/text_limits.h"
#include "store/plan_repository.h"
#include "store/lifecycle_record_json.h"
#include "store/plan_step_undo.h"
#include "store/record_voids.h"

namespace beacon::service {

namespace {

bool isOneOf(const std::string& step, std::initializer_list<LifecycleStep> steps) {
  for (const LifecycleStep s : steps) {
    if (step == toId(s)) return true;
  }
  return false;
}

bool isRecordStep(const std::string& step) {
  return isOneOf(
      step, {LifecycleStep::RiskAssessment, LifecycleStep::ResourceSurvey, LifecycleStep::Publish});
}

bool isStateStep(const std::string& step) {
  return isOneOf(step, {LifecycleStep::SubmitReview, LifecycleStep::Approve, LifecycleStep::Issue,
                        LifecycleStep::Revise, LifecycleStep::Abolish});
}

std::string stepLabel(const std::string& step, bool english) {
  const auto s = parseLifecycleStep(step);
  if (!s) return step;
  return english ? labelEn(*s) : labelZh(*s);
}

}  // namespace

sdk::Status PlanStepCorrection::checkCorrectable(const store::PlanTransition& step) const {
  if (isRecordStep(step.step)) return sdk::Status::ok();
  const std::string label = stepLabel(step.step, english_);
  if (step.step == toId(LifecycleStep::EditDraft)) return draftEditIsFinal();
  if (isOneOf(step.step, {LifecycleStep::Review, LifecycleStep::Evaluate, LifecycleStep::File})) {
    return sdk::Status::invalid(
        "step",
        text("「" + label + "」步骤随其评审/评估或备案记录更正，请更正该记录",
             "a " + label + " step is corrected with its review, evaluation or filing record"));
  }
  return sdk::Status::invalid(
      "step",
      text("只有风险评估、应急资源调查和公开记录可以更正；「" + label + "」步骤只能作废后重新办理",
           "only a risk assessment, resource survey or publication is corrected; void the " +
               label + " step and record it again"));
}

sdk::Status PlanStepCorrection::apply(store::PlanTransition& t, const std::string& name,
                                      const std::string& value) const {
  if (name == "date") {
    const auto d = sdk::Date::parse(Poco::trim(value));
    if (!d)
      return sdk::Status::invalid(name,
                                  text("日期格式应为 YYYY-MM-DD", "is not a date (YYYY-MM-DD)"));
    t.date = *d;
  } else if (name == "body" || name == "channel") {
    t.body = value;
  } else if (name == "document" || name == "link") {
    t.document = value;
  } else if (name == "note") {
    t.note = value;
  } else {
    return sdk::Status::invalid(name,
                                text("不是可更正的步骤字段（date、body、document、note）",
                                     "is not a field of a step that can be corrected (date, body, "
                                     "document, note)"));
  }
  return sdk::Status::ok();
}

sdk::Status PlanStepCorrection::validate(const store::PlanTransition& t) {
  if (!t.date.isSet() || !isValidDate(t.date)) {
    return sdk::Status::invalid("date",
                                text("为必填项，格式为 YYYY-MM-DD", "is required (YYYY-MM-DD)"));
  }
  if (t.date > today().addDays(1)) {
    return sdk::Status::invalid("date",
                                text("不能晚于今天：", "is in the future: ") + t.date.toString());
  }
  for (const auto& [field, value] : {std::pair<const char*, const std::string*>{"body", &t.body},
                                     {"document", &t.document},
                                     {"note", &t.note}}) {
    if (sdk::Status s = checkText("plan_transition", field, *value); !s.isOk()) {
      return sdk::Status::invalid(field, localisedMessage(s.message(), english_));
    }
  }
  if (t.step != toId(LifecycleStep::Publish)) return sdk::Status::ok();
  if (Poco::trim(t.body).empty()) {
    return sdk::Status::invalid("body",
                                text("公开渠道为必填项", "the publication channel is required"));
  }
  const auto version = store::PlanRepository(db_.session()).versionById(t.plan_version_id);
  if (version && version->issued.isSet() && t.date < version->issued) {
    return sdk::Status::invalid(
        "date", text("早于第" + std::to_string(version->number) + "版的印发日期 ",
                     "is before the issue date of v" + std::to_string(version->number) + ": ") +
                    version->issued.toString());
  }
  return sdk::Status::ok();
}

sdk::Status PlanStepCorrection::draftEditIsFinal() const {
  return sdk::Status::invalid(
      "step", text("修改编制稿不能更正或作废：请再次修改编制稿（审计日志保留修改前的文本）",
                   "a draft edit is not corrected or voided: edit the draft again (the audit log "
                   "keeps the text before)"));
}

sdk::Status PlanStepCorrection::checkVoidable(const store::PlanTransition& step) {
  if (isRecordStep(step.step)) return sdk::Status::ok();
  const std::string label = stepLabel(step.step, english_);
  if (step.step == toId(LifecycleStep::EditDraft)) return draftEditIsFinal();
  if (isOneOf(step.step, {LifecycleStep::Review, LifecycleStep::Evaluate, LifecycleStep::File})) {
    return sdk::Status::invalid(
        "step",
        text("「" + label + "」步骤随其评审/评估或备案记录作废，请作废该记录",
             "a " + label + " step is voided with its review, evaluation or filing record"));
  }
  return checkLatest(step);
}

sdk::Status PlanStepCorrection::checkLatest(const store::PlanTransition& step) {
  const std::string label = stepLabel(step.step, english_);
  if (const auto latest = laterStep(step)) {
    const std::string later = stepLabel(latest->step, english_);
    return sdk::Status::invalid(
        "step",
        text("「" + label + "」只能在它是预案最近的步骤时作废；其后已记录「" + later + "」（#" +
                 std::to_string(latest->id) + "，" + latest->date.toString() +
                 "），请先作废其后的步骤",
             "a " + label + " step is voided only while it is the plan's latest step; " + later +
                 " #" + std::to_string(latest->id) + " (" + latest->date.toString() +
                 ") was recorded after it: void the later steps first"));
  }
  return sdk::Status::ok();
}

std::optional<store::PlanTransition> PlanStepCorrection::laterStep(
    const store::PlanTransition& step) {
  std::optional<store::PlanTransition> latest;
  for (const auto& t : store::PlanTransitionRepository(db_.session()).listForPlan(step.plan_id)) {
    // A draft edit moves no state and is never voided: it does not hold the steps before it.
    if (t.voided() || t.step == toId(LifecycleStep::EditDraft)) continue;
    if (!latest || t.id > latest->id) latest = t;
  }
  if (latest && latest->id == step.id) return std::nullopt;
  return latest;
}

void PlanStepCorrection::recomputeStatus(sdk::RecordId plan_id, const store::Actor& actor) {
  auto& session = db_.session();
  store::PlanRepository plans(session);
  const auto plan = plans.findById(plan_id);
  if (!plan) return;
  const LifecycleState state = loadLifecycleState(session, *plan);
  sdk::PlanStatus status = sdk::PlanStatus::Drafting;
  if (state.in_force.id != 0) {
    status = sdk::PlanStatus::Issued;
  } else if (state.draft.id != 0) {
    status = state.draft_stage;
  }
  if (plan->status != status) plans.setStatus(plan_id, status, actor);
}

sdk::Status PlanStepCorrection::follow(const store::PlanTransition& step, const StepRow& row,
                                       const std::string& field, const std::string& reason,
                                       const store::Actor& actor) {
  store::PlanTransition after = step;
  after.date = row.record.date;
  after.body = row.record.body;
  after.document = row.record.document;
  after.note = row.record.note;
  store::PlanTransitionRepository repo(db_.session());
  if (step.step == toId(row.step) && step.plan_version_id == row.version_id &&
      step.to_status == sdk::toId(row.to)) {
    if (after.date != step.date || after.body != step.body || after.document != step.document ||
        after.note != step.note) {
      repo.correct(step, after, actor, reason);
    }
    return sdk::Status::ok();
  }
  const bool moves_state =
      step.step == toId(LifecycleStep::Review) || row.step == LifecycleStep::Review;
  if (moves_state) {
    if (const auto latest = laterStep(step)) {
      const std::string label = stepLabel(step.step, english_);
      const std::string later = stepLabel(latest->step, english_);
      return sdk::Status::invalid(
          field, text("更正会改变「" + label + "」步骤的结果，只能在它是预案最近的步骤时更正；其后已记录「" +
                          later + "」（#" + std::to_string(latest->id) + "，" +
                          latest->date.toString() + "），请先作废其后的步骤",
                      "the correction changes the outcome of the " + label +
                          " step, which is corrected only while it is the plan's latest step; " +
                          later + " #" + std::to_string(latest->id) + " (" +
                          latest->date.toString() + ") was recorded after it: void the later "
                          "steps first"));
    }
  }
  store::RecordVoids(db_.session())
      .markVoided(store::RecordKind::PlanTransition, step.id, store::toJson(step), actor, reason);
  after.id = 0;
  after.step = toId(row.step);
  after.plan_version_id = row.version_id;
  after.from_status = sdk::toId(row.from);
  after.to_status = sdk::toId(row.to);
  repo.add(after, actor);
  if (moves_state) recomputeStatus(step.plan_id, actor);
  return sdk::Status::ok();
}

void PlanStepCorrection::afterVoid(const store::PlanTransition& step, const store::Actor& actor) {
  auto& session = db_.session();
  store::PlanStepUndo undo(session);
  const bool issue = step.step == toId(LifecycleStep::Issue) ||
                     (step.step == toId(LifecycleStep::Revise) &&
                      step.to_status == sdk::toId(sdk::PlanStatus::Issued));
  if (issue && step.plan_version_id != 0) {
    // A revision recorded as issued is withdrawn as a voided 印发 is; its version, like a draft
    // revision's, is then withdrawn too (loadLifecycleState: never the draft again).
    undo.withdrawIssue(step.plan_version_id, actor);
  } else if (step.step == toId(LifecycleStep::Abolish)) {
    undo.withdrawAbolition(step.plan_id, actor);
  }
  // A 评审 moves the draft's stage too (不通过 back to drafting).
  if (!isStateStep(step.step) && step.step != toId(LifecycleStep::Review)) return;
  recomputeStatus(step.plan_id, actor);
  if (issue) restoreRevisionFlag(session, step.plan_id, actor);
}

std::optional<store::PlanTransition> PlanStepCorrection::stepOf(const sdk::Review& review) {
  const char* step = toId(review.kind == sdk::ReviewKind::Evaluation ? LifecycleStep::Evaluate
                                                                     : LifecycleStep::Review);
  std::optional<store::PlanTransition> out;
  for (const auto& t : store::PlanTransitionRepository(db_.session()).listForPlan(review.plan_id)) {
    if (!t.voided() && t.step == step && t.plan_version_id == review.plan_version_id &&
        t.date == review.date)
      out = t;
  }
  return out;
}

std::optional<store::PlanTransition> PlanStepCorrection::stepOf(const sdk::Filing& filing) {
  std::optional<store::PlanTransition> out;
  for (const auto& t : store::PlanTransitionRepository(db_.session()).listForPlan(filing.plan_id)) {
    if (!t.voided() && t.step == toId(LifecycleStep::File) &&
        t.plan_version_id == filing.plan_version_id && t.date == filing.submitted &&
        t.body == filing.target_body && t.document == filing.registration_no)
      out = t;
  }
  return out;
}

}  // namespace beacon::service
