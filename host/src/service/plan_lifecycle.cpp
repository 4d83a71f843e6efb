#include "service/plan_lifecycle.h"

#include <algorithm>

#include <Poco/Exception.h>

#include "rules/plan_history.h"
#include "service/record_checks.h"
#include "service/service_transaction.h"
#include "service/text_limits.h"
#include "store/filing_repository.h"
#include "store/organisation_repository.h"
#include "store/plan_repository.h"
#include "store/record_parse.h"
#include "store/record_voids.h"
#include "store/storage_error.h"
#include "store/transaction.h"

namespace beacon::service {

namespace {

using sdk::PlanStatus;

bool isVersionStep(const std::string& step) {
  return step == toId(LifecycleStep::SubmitReview) || step == toId(LifecycleStep::Review) ||
         step == toId(LifecycleStep::Approve) || step == toId(LifecycleStep::Revise);
}

bool isPreparation(LifecycleStep step) {
  return step == LifecycleStep::RiskAssessment || step == LifecycleStep::ResourceSurvey;
}

}  // namespace

sdk::PlanStatus LifecycleState::shown() const {
  if (plan.status == PlanStatus::Abolished) return PlanStatus::Abolished;
  if (draft.id != 0) return draft_stage;
  return in_force.id != 0 ? PlanStatus::Issued : PlanStatus::Drafting;
}

LifecycleState loadLifecycleState(Poco::Data::Session& session, const sdk::Plan& plan) {
  LifecycleState s;
  s.plan = plan;
  store::PlanRepository plans(session);
  const auto versions = plans.versions(plan.id, false);
  for (const auto& v : versions) {
    if (v.number == plan.current_version && v.issued.isSet()) s.in_force = v;
  }
  s.transitions = store::PlanTransitionRepository(session).listForPlan(plan.id);
  // A version whose 修订 was voided is withdrawn: kept as history, never the draft again.
  std::vector<sdk::RecordId> withdrawn;
  for (const auto& t : s.transitions) {
    if (t.voided() && t.step == toId(LifecycleStep::Revise)) withdrawn.push_back(t.plan_version_id);
  }
  if (!versions.empty() && !versions.back().issued.isSet() &&
      std::find(withdrawn.begin(), withdrawn.end(), versions.back().id) == withdrawn.end()) {
    s.draft = versions.back();
  }
  // A voided step (作废, migration 22) is history only: the state comes from the others.
  s.transitions.erase(std::remove_if(s.transitions.begin(), s.transitions.end(),
                                     [](const store::PlanTransition& t) { return t.voided(); }),
                      s.transitions.end());
  if (s.in_force.id != 0) {
    const auto filings = store::FilingRepository(session).listForPlan(plan.id);
    std::vector<sdk::RecordId> ids;
    for (const auto& f : filings) ids.push_back(f.id);
    // A voided filing (作废) never counts, as a voided step does not.
    const auto voided = store::RecordVoids(session).voided(store::RecordKind::Filing, ids);
    for (const auto& f : filings) {
      if (f.plan_version_id != s.in_force.id || voided.count(f.id)) continue;
      s.in_force_filed = true;
      if (f.published.isSet()) s.in_force_published = true;
    }
    for (const auto& t : s.transitions) {
      if (t.plan_version_id == s.in_force.id && t.step == toId(LifecycleStep::Publish))
        s.in_force_published = true;
    }
  }
  if (s.draft.id == 0) return s;
  // The draft's steps in the order they were recorded (a draft revision is dated the day it was
  // stored, which may be after the days of the steps recorded for it).
  std::vector<const store::PlanTransition*> steps;
  for (const auto& t : s.transitions) {
    if (t.plan_version_id == s.draft.id && isVersionStep(t.step)) steps.push_back(&t);
  }
  std::sort(steps.begin(), steps.end(), [](const auto* a, const auto* b) { return a->id < b->id; });
  for (const auto* step : steps) {
    const store::PlanTransition& t = *step;
    if (auto to = store::parsePlanStatus(t.to_status)) s.draft_stage = *to;
    // A draft revision is dated the day it was recorded; the steps after it may be dated earlier.
    if (t.step != toId(LifecycleStep::Revise)) s.draft_since = t.date;
    if (t.step == toId(LifecycleStep::SubmitReview)) s.review_passed = false;
    if (t.step == toId(LifecycleStep::Review))
      s.review_passed = s.draft_stage == PlanStatus::InReview;
  }
  return s;
}

void restoreRevisionFlag(Poco::Data::Session& session, sdk::RecordId plan_id,
                         const store::Actor& actor) {
  store::PlanRepository plans(session);
  auto plan = plans.findById(plan_id);
  if (!plan || plan->revision_required) return;
  const rules::PlanAsOf now =
      rules::PlanHistory::loadPlan(session, plan_id).asOf(plan_id, sdk::Date{9999, 12, 31});
  if (now.revision_required) plans.setRevisionRequired(plan_id, true, now.revision_reason, actor);
}

std::vector<LifecycleStep> PlanLifecycle::allowedSteps(const LifecycleState& s) {
  using Step = LifecycleStep;
  std::vector<Step> out;
  const PlanStatus shown = s.shown();
  if (shown == PlanStatus::Abolished) return out;
  const bool has_draft = s.draft.id != 0;
  if (shown == PlanStatus::Drafting) {
    out.push_back(Step::RiskAssessment);
    out.push_back(Step::ResourceSurvey);
  }
  if (has_draft && s.draft_stage == PlanStatus::Drafting) {
    out.push_back(Step::EditDraft);
    out.push_back(Step::SubmitReview);
  }
  if (has_draft && s.draft_stage == PlanStatus::InReview) {
    out.push_back(s.review_passed ? Step::Approve : Step::Review);
  }
  if (has_draft && s.draft_stage == PlanStatus::Approved) out.push_back(Step::Issue);
  if (s.in_force.id != 0) {
    out.push_back(Step::File);
    out.push_back(Step::Publish);
    out.push_back(Step::Evaluate);
  }
  const bool draft_open = !has_draft || s.draft_stage == PlanStatus::Drafting;
  const bool no_text = !has_draft && s.in_force.id == 0;
  if (draft_open && (s.in_force.id != 0 || no_text)) out.push_back(Step::Revise);
  out.push_back(Step::Abolish);
  return out;
}

bool PlanLifecycle::allows(const LifecycleState& state, LifecycleStep step) {
  const auto steps = allowedSteps(state);
  return std::find(steps.begin(), steps.end(), step) != steps.end();
}

std::optional<LifecycleStep> PlanLifecycle::nextStep(const LifecycleState& s) {
  if (s.shown() == PlanStatus::Abolished) return std::nullopt;
  if (s.draft.id != 0) {
    switch (s.draft_stage) {
      case PlanStatus::Drafting:
        return LifecycleStep::SubmitReview;
      case PlanStatus::InReview:
        return s.review_passed ? LifecycleStep::Approve : LifecycleStep::Review;
      case PlanStatus::Approved:
        return LifecycleStep::Issue;
      default:
        break;
    }
  }
  if (s.in_force.id == 0) return std::nullopt;
  if (!s.in_force_filed) return LifecycleStep::File;
  if (!s.in_force_published) return LifecycleStep::Publish;
  return LifecycleStep::Evaluate;
}

sdk::Status PlanLifecycle::refuse(const LifecycleState& state, LifecycleStep step,
                                  sdk::PlanStatus current, const std::string& need_zh,
                                  const std::string& need_en) const {
  std::string version;
  if (state.draft.id != 0 && current == state.draft_stage && current != PlanStatus::Abolished) {
    version = text("第" + std::to_string(state.draft.number) + "版",
                   " v" + std::to_string(state.draft.number));
  }
  if (english_) {
    return sdk::Status::conflict("status", "plan " + state.plan.code + version + " is " +
                                               sdk::labelEn(current) + "; cannot " + labelEn(step) +
                                               ": " + need_en);
  }
  return sdk::Status::conflict("status", "预案 " + state.plan.code + " " + version +
                                             "当前状态为「" + sdk::labelZh(current) + "」，不能" +
                                             labelZh(step) + "：" + need_zh);
}

sdk::Status PlanLifecycle::refuseWithoutDraft(const LifecycleState& state, LifecycleStep step,
                                              sdk::PlanStatus current, const std::string& in_force_zh,
                                              const std::string& in_force_en) const {
  const bool in_force = state.in_force.id != 0;
  return refuse(state, step, current, in_force ? in_force_zh : "尚无预案文本（编制稿），请先录入",
                in_force ? in_force_en : "the plan has no text (draft) yet");
}

sdk::RecordId PlanLifecycle::record(const LifecycleState& state, LifecycleStep step,
                                    sdk::RecordId version_id, sdk::PlanStatus from,
                                    sdk::PlanStatus to, const StepRecord& r,
                                    const store::Actor& actor) {
  store::PlanTransition t;
  t.plan_id = state.plan.id;
  t.plan_version_id = version_id;
  t.step = toId(step);
  t.from_status = sdk::toId(from);
  t.to_status = sdk::toId(to);
  t.date = r.date;
  t.body = r.body;
  t.document = r.document;
  t.note = r.note;
  const sdk::RecordId id = store::PlanTransitionRepository(db_.session()).add(t, actor);
  // Without a version in force, the plan's status is its draft's stage.
  const bool stage =
      to == PlanStatus::Drafting || to == PlanStatus::InReview || to == PlanStatus::Approved;
  if (stage && state.in_force.id == 0 && state.plan.status != PlanStatus::Abolished) {
    store::PlanRepository plans(db_.session());
    auto now = plans.findById(state.plan.id);
    if (now && now->status != to && now->status != PlanStatus::Abolished &&
        now->status != PlanStatus::Issued) {
      plans.setStatus(state.plan.id, to, actor);
    }
  }
  return id;
}

sdk::Status PlanLifecycle::checkRecord(const StepRecord& r, bool body_required,
                                       const std::string& body_field, bool document_required,
                                       const std::string& document_field,
                                       const std::string& date_field) {
  if (!r.date.isSet() || !isValidDate(r.date)) {
    return sdk::Status::invalid(date_field,
                                text("为必填项，格式为 YYYY-MM-DD", "is required (YYYY-MM-DD)"));
  }
  if (r.date > today().addDays(1)) {
    return sdk::Status::invalid(date_field,
                                text("不能晚于今天：", "is in the future: ") + r.date.toString());
  }
  if (body_required && r.body.empty())
    return sdk::Status::invalid(body_field, text("为必填项", "is required"));
  if (document_required && r.document.empty()) {
    return sdk::Status::invalid(document_field, text("为必填项", "is required"));
  }
  if (sdk::Status s = checkText("plan_transition", "body", r.body); !s.isOk()) {
    return sdk::Status::invalid(body_field, s.message());
  }
  if (sdk::Status s = checkText("plan_transition", "document", r.document); !s.isOk()) {
    return sdk::Status::invalid(document_field, s.message());
  }
  return checkText("plan_transition", "note", r.note);
}

LifecycleState PlanLifecycle::state(sdk::RecordId plan_id) {
  auto plan = store::PlanRepository(db_.session()).findById(plan_id);
  if (!plan) throw Poco::NotFoundException("plan " + std::to_string(plan_id));
  return loadLifecycleState(db_.session(), *plan);
}

namespace {
// The plan, or the field-named error.
sdk::Result<sdk::Plan> findPlan(store::Database& db, sdk::RecordId plan_id, bool english) {
  auto plan = store::PlanRepository(db.session()).findById(plan_id);
  if (!plan) {
    return sdk::Status::notFound("plan_id", (english ? "no plan with id " : "没有编号为 ") +
                                                std::to_string(plan_id) +
                                                (english ? "" : " 的预案"));
  }
  return *plan;
}
}  // namespace

sdk::Result<sdk::RecordId> PlanLifecycle::run(
    sdk::RecordId plan_id, LifecycleStep step,
    const std::function<sdk::Result<sdk::RecordId>(const LifecycleState&, PlanStatus)>& body) {
  return transact(db_, {"预案步骤", "the plan step"}, english_, [&]() -> sdk::Result<sdk::RecordId> {
    auto plan = findPlan(db_, plan_id, english_);
    if (!plan.isOk()) return plan.status();
    const LifecycleState s = loadLifecycleState(db_.session(), plan.value());
    const PlanStatus shown = s.shown();
    if (shown == PlanStatus::Abolished) {
      return refuse(s, step, shown, "预案已废止",
                    step == LifecycleStep::Abolish ? "the plan is already abolished"
                                                   : "the plan is abolished");
    }
    return body(s, shown);
  });
}

sdk::Result<sdk::RecordId> PlanLifecycle::recordPreparation(sdk::RecordId plan_id,
                                                            LifecycleStep step, const StepRecord& r,
                                                            const store::Actor& actor) {
  if (!isPreparation(step))
    return sdk::Status::invalid("step",
                                text("应为风险评估或应急资源调查", "must be a preparation"));
  return run(plan_id, step,
             [&](const LifecycleState& s, PlanStatus shown) -> sdk::Result<sdk::RecordId> {
               if (!allows(s, step)) {
                 return refuse(s, step, shown, "风险评估和应急资源调查在编制阶段（提交评审前）进行",
                               "it belongs to drafting, before the plan is submitted for review");
               }
               if (sdk::Status c = checkRecord(r, false, "body", false, "document"); !c.isOk())
                 return c;
               return record(s, step, s.draft.id, shown, shown, r, actor);
             });
}

sdk::Result<sdk::RecordId> PlanLifecycle::submitForReview(sdk::RecordId plan_id,
                                                          const StepRecord& r,
                                                          const store::Actor& actor) {
  return run(
      plan_id, LifecycleStep::SubmitReview,
      [&](const LifecycleState& s, PlanStatus shown) -> sdk::Result<sdk::RecordId> {
        const LifecycleStep step = LifecycleStep::SubmitReview;
        if (!allows(s, step) && s.draft.id == 0) {
          return refuseWithoutDraft(
              s, step, shown, "没有待评审的修订稿（先以 plan revise --draft 编制修订稿）",
              "there is no draft revision to review (store one with plan revise --draft)");
        }
        if (!allows(s, step)) {
          return refuse(s, step, shown, "只有编制中的稿本可以提交评审",
                        "only a draft in drafting can be submitted");
        }
        if (sdk::Status c = checkRecord(r, false, "body", false, "document"); !c.isOk()) return c;
        if (s.draft_since.isSet() && r.date < s.draft_since) {
          return sdk::Status::invalid(
              "date", text("早于上一步骤的日期 ", "is before the previous step's date ") +
                          s.draft_since.toString());
        }
        // Enterprise plans: 风险评估 and 应急资源调查 first (GB/T 29639-2020 编制程序 3, 4).
        store::OrganisationRepository orgs(db_.session());
        auto owner = orgs.findById(s.plan.owner_org_id);
        if (owner && sdk::levelOf(owner->kind) == sdk::PlanLevel::Enterprise) {
          for (LifecycleStep prep :
               {LifecycleStep::RiskAssessment, LifecycleStep::ResourceSurvey}) {
            bool done = false;
            for (const auto& t : s.transitions) {
              if (t.step != toId(prep) || t.date > r.date) continue;
              if (s.in_force.id != 0 && t.date < s.in_force.issued)
                continue;  // for an earlier version
              done = true;
            }
            if (!done) {
              return sdk::Status::invalid(
                  "preparation", text(std::string("企业应急预案提交评审前须完成") + labelZh(prep) +
                                          "（GB/T 29639-2020 编制程序第3、4步；应急管理部令第2号 "
                                          "第二十七条备案材料），尚无记录",
                                      std::string("an enterprise plan needs its ") + labelEn(prep) +
                                          " before review (GB/T 29639-2020 drafting steps 3 and 4; "
                                          "MEM Order No. 2 art. 27 filing "
                                          "materials); none is recorded"));
            }
          }
        }
        return record(s, step, s.draft.id, PlanStatus::Drafting, PlanStatus::InReview, r, actor);
      });
}

sdk::Result<sdk::RecordId> PlanLifecycle::editDraft(sdk::RecordId plan_id, const DraftEdit& edit,
                                                    const store::Actor& actor) {
  return run(
      plan_id, LifecycleStep::EditDraft,
      [&](const LifecycleState& s, PlanStatus shown) -> sdk::Result<sdk::RecordId> {
        const LifecycleStep step = LifecycleStep::EditDraft;
        if (!allows(s, step) && s.draft.id == 0) {
          return refuseWithoutDraft(
              s, step, shown, "没有编制中的稿本；修改已印发的预案请修订（plan revise --draft 编制修订稿）",
              "there is no draft; an issued plan is changed by a revision (plan revise --draft)");
        }
        if (!allows(s, step)) {
          return refuse(s, step, shown, "只有编制中的稿本可以修改（评审不通过后退回编制中）",
                        "only a draft in drafting is edited (a failed review returns it there)");
        }
        if (edit.text.empty()) return sdk::Status::invalid("text", text("为必填项", "is required"));
        if (sdk::Status c = checkText("plan_version", "text", edit.text); !c.isOk()) {
          return sdk::Status::invalid("text", c.message());
        }
        if (sdk::Status c = checkText("plan_transition", "note", edit.note); !c.isOk()) return c;
        store::PlanRepository plans(db_.session());
        const auto before = plans.versionById(s.draft.id);
        const std::string n = std::to_string(s.draft.number);
        if (before && before->text == edit.text) {
          return sdk::Status::invalid("text", text("与第" + n + "版编制稿相同，没有修改",
                                                   "is the same as the v" + n + " draft: nothing changed"));
        }
        plans.editDraftText(s.draft.id, edit.text, actor);
        StepRecord row;
        row.date = today();
        row.note = edit.note;
        return record(s, step, s.draft.id, PlanStatus::Drafting, PlanStatus::Drafting, row, actor);
      });
}

sdk::Result<sdk::RecordId> PlanLifecycle::approve(sdk::RecordId plan_id, const StepRecord& r,
                                                  const store::Actor& actor) {
  return run(
      plan_id, LifecycleStep::Approve,
      [&](const LifecycleState& s, PlanStatus shown) -> sdk::Result<sdk::RecordId> {
        const LifecycleStep step = LifecycleStep::Approve;
        if (s.draft.id == 0 || s.draft_stage != PlanStatus::InReview) {
          return refuse(s, step, shown, "审批需先提交评审并经评审通过",
                        "approval needs the draft submitted for review and a passed review");
        }
        if (!allows(s, step)) {
          return refuse(s, step, shown, "审批需评审结论为通过或修改后通过",
                        "approval needs a review concluding passed or passed with changes");
        }
        if (sdk::Status c = checkRecord(r, true, "approved_by", false, "document"); !c.isOk())
          return c;
        if (r.date < s.draft_since) {
          return sdk::Status::invalid(
              "date",
              text("早于评审日期 ", "is before the review's date ") + s.draft_since.toString());
        }
        return record(s, step, s.draft.id, PlanStatus::InReview, PlanStatus::Approved, r, actor);
      });
}

sdk::Result<sdk::RecordId> PlanLifecycle::issue(sdk::RecordId plan_id, const IssueRecord& r,
                                                const store::Actor& actor) {
  return run(
      plan_id, LifecycleStep::Issue,
      [&](const LifecycleState& s, PlanStatus shown) -> sdk::Result<sdk::RecordId> {
        const LifecycleStep step = LifecycleStep::Issue;
        if (s.draft.id == 0) {
          return refuse(s, step, shown, "没有待印发的编制稿或修订稿", "there is no draft to issue");
        }
        if (!allows(s, step)) {
          return refuse(s, step, shown, "印发需先经评审通过并审批",
                        "issuing needs a passed review and approval first");
        }
        if (sdk::Status c = checkRecord(r.step, false, "body", true, "document_no", "issued");
            !c.isOk())
          return c;
        if (r.step.date < s.draft_since) {
          return sdk::Status::invalid(
              "issued",
              text("早于审批日期 ", "is before the approval's date ") + s.draft_since.toString());
        }
        if (s.in_force.id != 0 && r.step.date < s.in_force.issued) {
          return sdk::Status::invalid(
              "issued", text("早于现行第" + std::to_string(s.in_force.number) + "版的印发日期 ",
                             "is before the issue date of v" + std::to_string(s.in_force.number) +
                                 " in force: ") +
                            s.in_force.issued.toString());
        }
        const sdk::Date effective = r.effective.isSet() ? r.effective : r.step.date;
        if (!isValidDate(effective) || effective < r.step.date) {
          return sdk::Status::invalid("effective",
                                      text("不能早于印发日期", "is before the issue date"));
        }
        store::PlanRepository plans(db_.session());
        std::string approved_by;
        for (const auto& t : s.transitions) {
          if (t.plan_version_id == s.draft.id && t.step == toId(LifecycleStep::Approve))
            approved_by = t.body;
        }
        store::VersionIssue issue;
        issue.issued = r.step.date;
        issue.effective = effective;
        issue.approved_by = approved_by;
        issue.document_no = r.step.document;
        plans.issueVersion(s.draft.id, issue, actor);
        if (!s.draft.major) restoreRevisionFlag(db_.session(), s.plan.id, actor);
        StepRecord row = r.step;
        if (row.body.empty()) row.body = approved_by;
        return record(s, step, s.draft.id, PlanStatus::Approved, PlanStatus::Issued, row, actor);
      });
}

sdk::Result<sdk::RecordId> PlanLifecycle::publish(sdk::RecordId plan_id, const StepRecord& r,
                                                  const store::Actor& actor) {
  return run(
      plan_id, LifecycleStep::Publish,
      [&](const LifecycleState& s, PlanStatus shown) -> sdk::Result<sdk::RecordId> {
        const LifecycleStep step = LifecycleStep::Publish;
        if (!allows(s, step)) {
          return refuse(s, step, shown, "公开的是已印发的现行版本，需先印发",
                        "only an issued version is published");
        }
        if (sdk::Status c = checkRecord(r, true, "channel", false, "link"); !c.isOk()) return c;
        if (r.date < s.in_force.issued) {
          return sdk::Status::invalid(
              "date",
              text("早于第" + std::to_string(s.in_force.number) + "版的印发日期 ",
                   "is before the issue date of v" + std::to_string(s.in_force.number) + ": ") +
                  s.in_force.issued.toString());
        }
        return record(s, step, s.in_force.id, PlanStatus::Issued, PlanStatus::Issued, r, actor);
      });
}

sdk::Result<sdk::RecordId> PlanLifecycle::publishVersion(sdk::RecordId plan_id, int number,
                                                         const StepRecord& r,
                                                         const store::Actor& actor) {
  return run(
      plan_id, LifecycleStep::Publish,
      [&](const LifecycleState& s, PlanStatus shown) -> sdk::Result<sdk::RecordId> {
        if (s.in_force.id == 0) {
          return refuse(s, LifecycleStep::Publish, shown, "公开的是已印发的现行版本，需先印发",
                        "only an issued version is published");
        }
        if (sdk::Status c = checkRecord(r, true, "channel", false, "link"); !c.isOk()) return c;
        sdk::PlanVersion named, first, on_day;  // on_day: the last issued on or before the day
        for (const auto& v : store::PlanRepository(db_.session()).versions(s.plan.id, false)) {
          if (v.number == number) named = v;
          if (!v.issued.isSet() || v.number > s.plan.current_version) continue;
          if (first.id == 0) first = v;
          if (!(r.date < v.issued)) on_day = v;
        }
        const std::string n = std::to_string(number);
        if (number != 0 && named.id == 0) {
          return sdk::Status::invalid("version",
                                      text("预案 " + s.plan.code + " 没有第" + n + "版",
                                           "plan " + s.plan.code + " has no version " + n));
        }
        if (number != 0 && !named.issued.isSet()) {
          return sdk::Status::invalid(
              "version",
              text("第" + n + "版尚未印发，公开的是已印发的版本",
                   "version " + n + " is not issued; only an issued version is published"));
        }
        const sdk::PlanVersion& wanted = number != 0 ? named : first;
        if (on_day.id == 0 || r.date < wanted.issued) {
          return sdk::Status::invalid(
              "date", text("早于第" + std::to_string(wanted.number) + "版的印发日期 ",
                           "is before the issue date of v" + std::to_string(wanted.number) + ": ") +
                          wanted.issued.toString());
        }
        if (number != 0 && on_day.id != named.id) {
          const std::string m = std::to_string(on_day.number);
          return sdk::Status::invalid(
              "version", text("公开日期 " + r.date.toString() + " 时现行的是第" + m + "版（" +
                                  on_day.issued.toString() + " 印发），不是第" + n + "版",
                              "on " + r.date.toString() + " version " + m + " (issued " +
                                  on_day.issued.toString() + ") was in force, not version " + n));
        }
        return record(s, LifecycleStep::Publish, on_day.id, PlanStatus::Issued, PlanStatus::Issued,
                      r, actor);
      });
}

sdk::Result<sdk::RecordId> PlanLifecycle::abolish(sdk::RecordId plan_id, const StepRecord& r,
                                                  const std::string& replaced_by,
                                                  const store::Actor& actor) {
  return run(plan_id, LifecycleStep::Abolish,
             [&](const LifecycleState& s, PlanStatus shown) -> sdk::Result<sdk::RecordId> {
               const LifecycleStep step = LifecycleStep::Abolish;
               if (sdk::Status c = checkRecord(r, false, "body", false, "document"); !c.isOk())
                 return c;
               if (s.in_force.id != 0 && r.date < s.in_force.issued) {
                 return sdk::Status::invalid(
                     "date", text("早于现行版本的印发日期 ",
                                  "is before the issue date of the version in force: ") +
                                 s.in_force.issued.toString());
               }
               store::PlanRepository plans(db_.session());
               store::PlanAbolition abolition;
               abolition.date = r.date;
               StepRecord row = r;
               if (!replaced_by.empty()) {
                 auto other = plans.findByCode(replaced_by);
                 if (!other) {
                   return sdk::Status::invalid("replaced_by",
                                               text("没有编码为 " + replaced_by + " 的预案",
                                                    "no plan with code \"" + replaced_by + "\""));
                 }
                 if (other->id == s.plan.id) {
                   return sdk::Status::invalid(
                       "replaced_by", text("不能由本预案替代", "cannot be the plan itself"));
                 }
                 if (other->status == PlanStatus::Abolished) {
                   return sdk::Status::invalid("replaced_by",
                                               text("预案 " + replaced_by + " 已废止",
                                                    "plan " + replaced_by + " is abolished"));
                 }
                 abolition.replaced_by = other->id;
                 row.body = other->code;
               }
               plans.abolish(s.plan.id, abolition, actor);
               return record(s, step, s.in_force.id, shown, PlanStatus::Abolished, row, actor);
             });
}

sdk::Status PlanLifecycle::checkReview(const LifecycleState& s, const sdk::Review& review,
                                       const sdk::PlanVersion& version) {
  using sdk::ReviewConclusion;
  const PlanStatus shown = s.shown();
  if (review.kind == sdk::ReviewKind::Review) {
    if (!store::isReviewConclusion(review.conclusion)) {
      return sdk::Status::invalid(
          "conclusion",
          text("评审结论应为 通过、修改后通过 或 不通过（passed、passed_with_changes、failed）",
               "a review concludes passed, passed_with_changes or failed"));
    }
    if (shown == PlanStatus::Abolished) {
      return refuse(s, LifecycleStep::Review, shown, "预案已废止", "the plan is abolished");
    }
    if (version.issued.isSet()) {
      if (review.date <= version.issued)
        return sdk::Status::ok();  // the review before an issue, recorded later
      return refuse(s, LifecycleStep::Review, PlanStatus::Issued,
                    "第" + std::to_string(version.number) + "版已于 " + version.issued.toString() +
                        " 印发；印发后的定期评估请记为评估，修改请修订",
                    "v" + std::to_string(version.number) + " was issued on " +
                        version.issued.toString() +
                        "; record a periodic evaluation, or revise the plan");
    }
    if (version.id != s.draft.id || s.draft_stage != PlanStatus::InReview) {
      return refuse(s, LifecycleStep::Review, shown, "评审需先提交评审（plan submit-review）",
                    "the draft must be submitted for review first (plan submit-review)");
    }
    if (!allows(s, LifecycleStep::Review)) {
      return refuse(s, LifecycleStep::Review, shown, "评审已通过，下一步为审批",
                    "the review has passed; the next step is approval");
    }
    if (review.date < s.draft_since) {
      return sdk::Status::invalid(
          "date",
          text("早于提交评审日期 ", "is before the submission date ") + s.draft_since.toString());
    }
    return sdk::Status::ok();
  }
  if (review.conclusion != ReviewConclusion::Keep &&
      review.conclusion != ReviewConclusion::Revise) {
    return sdk::Status::invalid("conclusion",
                                text("评估结论应为 继续有效 或 需修订（keep、revise）",
                                     "an evaluation concludes keep or revise"));
  }
  if (shown == PlanStatus::Abolished) {
    return refuse(s, LifecycleStep::Evaluate, shown, "预案已废止", "the plan is abolished");
  }
  if (!version.issued.isSet()) {
    return refuse(s, LifecycleStep::Evaluate,
                  s.draft.id == version.id ? s.draft_stage : PlanStatus::Drafting,
                  "评估针对已印发的现行版本", "only an issued version is evaluated");
  }
  if (review.date < version.issued) {
    return sdk::Status::invalid(
        "date", text("早于第" + std::to_string(version.number) + "版的印发日期 ",
                     "is before the issue date of v" + std::to_string(version.number) + ": ") +
                    version.issued.toString());
  }
  return sdk::Status::ok();
}

sdk::Status PlanLifecycle::checkFiling(const LifecycleState& s, const sdk::PlanVersion& version) {
  const PlanStatus shown = s.shown();
  if (shown == PlanStatus::Abolished)
    return refuse(s, LifecycleStep::File, shown, "预案已废止", "the plan is abolished");
  if (!version.issued.isSet()) {
    return refuse(s, LifecycleStep::File,
                  s.draft.id == version.id ? s.draft_stage : PlanStatus::Drafting,
                  "第" + std::to_string(version.number) + "版尚未印发，备案需先印发",
                  "v" + std::to_string(version.number) +
                      " is not issued yet; a plan is filed after it is issued");
  }
  return sdk::Status::ok();
}

sdk::Status PlanLifecycle::checkRevision(const LifecycleState& s) {
  const PlanStatus shown = s.shown();
  if (shown == PlanStatus::Abolished) {
    return refuse(s, LifecycleStep::Revise, shown, "预案已废止", "the plan is abolished");
  }
  if (s.draft.id != 0 && s.draft_stage != PlanStatus::Drafting) {
    return refuse(s, LifecycleStep::Revise, shown,
                  "稿本正在评审或待印发，请先完成该流程（评审不通过退回编制后可再修订）",
                  "the draft is in review or awaiting issue; finish that first (a failed review "
                  "returns it to drafting)");
  }
  if (!allows(s, LifecycleStep::Revise)) {
    return refuse(
        s, LifecycleStep::Revise, shown, "预案尚未印发，修订针对已印发的预案；编制稿请提交评审",
        "the plan has never been issued; only an issued plan is revised (submit the draft "
        "for review)");
  }
  return sdk::Status::ok();
}

}  // namespace beacon::service
