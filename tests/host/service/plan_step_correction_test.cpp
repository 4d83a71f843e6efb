// Correcting and voiding plan life-cycle steps through RecordCorrection
// (service/plan_step_correction.h): a 风险评估 / 应急资源调查 record or a 公开
// is corrected (validated as a new one) or voided; a state-changing step only
// as the plan's latest step, and the state is recomputed: a voided 印发 leaves
// the plan 已批准 with no version in force, a voided 废止 returns it to its
// state before. Voided steps stay in the plan's history with who, when, why.
#include <gtest/gtest.h>

#include "host/service/service_fixture.h"
#include "rules/plan_history.h"
#include "service/plan_lifecycle.h"
#include "service/record_checks.h"
#include "service/record_correction.h"
#include "store/plan_repository.h"
#include "store/plan_transition_repository.h"
#include "store/review_repository.h"

namespace beacon::testing {
namespace {

using sdk::Date;
using sdk::PlanStatus;
using service::LifecycleStep;
using service::StepRecord;
using store::RecordKind;

class PlanStepCorrectionTest : public ServiceFixture {
 protected:
  static StepRecord on(Date d, const std::string& body = "", const std::string& document = "") {
    StepRecord r;
    r.date = d;
    r.body = body;
    r.document = document;
    return r;
  }
  // The id of the step the call recorded.
  static sdk::RecordId must(const sdk::Result<sdk::RecordId>& r) {
    EXPECT_TRUE(r.isOk()) << r.status().describe();
    return r.isOk() ? r.value() : 0;
  }
  // A 城关镇 special plan with its first draft (v1, not issued).
  sdk::RecordId draftPlan(const std::string& code, const std::string& title) {
    sdk::Plan p;
    p.code = code;
    p.title = title;
    p.domain = sdk::kGeneralDomain;
    p.category = sdk::category::kSpecial;
    p.owner_org_id = township_;
    sdk::PlanVersion v;
    v.text = "第一章 总则\n";
    auto id = service::PlanService(*db_, registry_).addPlan(p, v, actor_);
    EXPECT_TRUE(id.isOk()) << id.status().describe();
    return id.isOk() ? id.value() : 0;
  }
  // A plan drafted, submitted, reviewed (passed) and approved on 2024-03-xx.
  sdk::RecordId approvedPlan() {
    const sdk::RecordId plan = draftPlan("P-FIRE-TS1", "城关镇森林火灾应急预案");
    must(lifecycle().recordPreparation(plan, LifecycleStep::RiskAssessment, on({2024, 3, 1}),
                                       actor_));
    must(lifecycle().submitForReview(plan, on({2024, 3, 5}), actor_));
    sdk::Review r;
    r.plan_id = plan;
    r.kind = sdk::ReviewKind::Review;
    r.conclusion = sdk::ReviewConclusion::Passed;
    r.date = {2024, 3, 10};
    r.reviewers = "专家组";
    EXPECT_TRUE(service::PlanService(*db_, registry_).addReview(r, actor_).isOk());
    must(lifecycle().approve(plan, on({2024, 3, 15}, "城关镇人民政府"), actor_));
    return plan;
  }
  sdk::RecordId issue(sdk::RecordId plan, Date d = {2024, 3, 20}) {
    service::IssueRecord r;
    r.step = on(d, "", "城政〔2024〕3号");
    return must(lifecycle().issue(plan, r, actor_));
  }
  service::PlanLifecycle lifecycle() { return service::PlanLifecycle(*db_, false); }
  service::RecordCorrection correction(bool english = false) {
    return service::RecordCorrection(*db_, registry_, 30, service::today(), english);
  }
  service::Corrector admin() const {
    auth::User u;
    u.username = "root";
    u.role = auth::Role::Admin;
    return {store::Actor{"root"}, u};
  }
  sdk::Plan stored(sdk::RecordId id) { return *store::PlanRepository(db_->session()).findById(id); }
  service::LifecycleState state(sdk::RecordId id) { return lifecycle().state(id); }
};

TEST_F(PlanStepCorrectionTest, AVoidedIssueLeavesThePlanApprovedWithNoVersionInForce) {
  const auto plan = approvedPlan();
  const auto issued = issue(plan);
  ASSERT_EQ(stored(plan).status, PlanStatus::Issued);
  ASSERT_NE(state(plan).in_force.id, 0);

  auto out =
      correction().voidRecord(RecordKind::PlanTransition, issued, "文号录错，尚未印发", admin());
  ASSERT_TRUE(out.ok()) << out.status.describe();
  EXPECT_EQ(stored(plan).status, PlanStatus::Approved);
  const auto s = state(plan);
  EXPECT_EQ(s.in_force.id, 0) << "the version is not in force";
  EXPECT_EQ(s.draft_stage, PlanStatus::Approved);
  const auto version = store::PlanRepository(db_->session()).version(plan, 1);
  EXPECT_FALSE(version->issued.isSet());
  EXPECT_EQ(rules::PlanHistory::loadPlan(db_->session(), plan)
                .asOf(plan, Date{2024, 12, 31})
                .version_in_force,
            0)
      << "the checks see no version in force either";

  // The history keeps the voided step, marked; it can be issued again.
  const auto steps = store::PlanTransitionRepository(db_->session()).listForPlan(plan);
  bool seen = false;
  for (const auto& t : steps) {
    if (t.id != issued) continue;
    seen = true;
    EXPECT_TRUE(t.voided());
    EXPECT_EQ(t.voided_by, "root");
    EXPECT_EQ(t.void_reason, "文号录错，尚未印发");
  }
  EXPECT_TRUE(seen);
  issue(plan, {2024, 3, 22});
  EXPECT_EQ(stored(plan).status, PlanStatus::Issued);
  EXPECT_EQ(state(plan).in_force.issued.toString(), "2024-03-22");
}

TEST_F(PlanStepCorrectionTest,
       AVoidedAbolitionReturnsThePlanToItsStateAndOnlyTheLatestStepIsVoided) {
  const auto plan = approvedPlan();
  const auto issued = issue(plan);
  const auto published =
      must(lifecycle().publish(plan, on({2024, 3, 25}, "城关镇政府网站"), actor_));
  const auto abolished = must(lifecycle().abolish(plan, on({2024, 6, 1}), "", actor_));
  ASSERT_EQ(stored(plan).status, PlanStatus::Abolished);

  // 印发 is no longer the latest step: refused naming the step, nothing written.
  auto early = correction().voidRecord(RecordKind::PlanTransition, issued, "x", admin());
  EXPECT_EQ(early.failure, service::CorrectionFailure::Invalid);
  EXPECT_EQ(early.status.field(), "step");
  EXPECT_NE(early.status.message().find("废止"), std::string::npos) << early.status.message();
  EXPECT_NE(correction(true)
                .voidRecord(RecordKind::PlanTransition, issued, "x", admin())
                .status.message()
                .find("latest step"),
            std::string::npos);

  auto out = correction().voidRecord(RecordKind::PlanTransition, abolished, "误操作废止", admin());
  ASSERT_TRUE(out.ok()) << out.status.describe();
  EXPECT_EQ(stored(plan).status, PlanStatus::Issued) << "back to its earlier state";
  EXPECT_FALSE(store::PlanRepository(db_->session()).abolitionOf(plan).date.isSet());
  EXPECT_NE(state(plan).in_force.id, 0);

  // A publication is voided any time; then 印发 is the latest again.
  ASSERT_TRUE(
      correction().voidRecord(RecordKind::PlanTransition, published, "重复登记", admin()).ok());
  ASSERT_TRUE(correction().voidRecord(RecordKind::PlanTransition, issued, "未印发", admin()).ok());
  EXPECT_EQ(stored(plan).status, PlanStatus::Approved);
}

TEST_F(PlanStepCorrectionTest, PreparationsAndPublicationsAreCorrectedOtherStepsAreNot) {
  const auto plan = approvedPlan();
  issue(plan);
  const auto published =
      must(lifecycle().publish(plan, on({2024, 3, 25}, "城关镇政府网站"), actor_));
  const auto steps = store::PlanTransitionRepository(db_->session()).listForPlan(plan);
  sdk::RecordId risk = 0, submit = 0;
  for (const auto& t : steps) {
    if (t.step == "risk_assessment") risk = t.id;
    if (t.step == "submit_review") submit = t.id;
  }
  auto out = correction().correctPlanStep(
      published, {{"channel", "新密市人民政府网站"}, {"link", "https://x.example/1"}},
      "公开渠道录错", admin());
  ASSERT_TRUE(out.ok()) << out.status.describe();
  auto t = store::PlanTransitionRepository(db_->session()).findById(published);
  EXPECT_EQ(t->body, "新密市人民政府网站");
  EXPECT_EQ(t->document, "https://x.example/1");
  EXPECT_TRUE(
      correction().correctPlanStep(risk, {{"date", "2024-02-28"}}, "日期录错", admin()).ok());
  EXPECT_EQ(store::PlanTransitionRepository(db_->session()).findById(risk)->date.toString(),
            "2024-02-28");

  // Validated as new: a publication before the issue, without a channel, a day in the future.
  for (const auto& [changes, field] : std::vector<std::pair<service::FieldChanges, std::string>>{
           {{{"date", "2024-03-19"}}, "date"},
           {{{"body", ""}}, "body"},
           {{{"date", service::today().addDays(3).toString()}}, "date"},
           {{{"step", "issue"}}, "step"},
       }) {
    auto r = correction().correctPlanStep(published, changes, "更正", admin());
    EXPECT_EQ(r.failure, service::CorrectionFailure::Invalid) << field;
    EXPECT_EQ(r.status.field(), field) << r.status.describe();
  }
  auto state_step = correction().correctPlanStep(submit, {{"date", "2024-03-06"}}, "更正", admin());
  EXPECT_EQ(state_step.status.field(), "step") << state_step.status.describe();
  EXPECT_EQ(store::PlanTransitionRepository(db_->session()).findById(submit)->date.toString(),
            "2024-03-05");
  // 提交评审 is not the latest step either, so it cannot be voided.
  EXPECT_EQ(
      correction().voidRecord(RecordKind::PlanTransition, submit, "x", admin()).status.field(),
      "step");
}

TEST_F(PlanStepCorrectionTest, AVoidedFilingTakesItsStepWithItSoTheIssueIsLatestAgain) {
  const auto plan = approvedPlan();
  const auto issued = issue(plan);
  sdk::Filing f;
  f.plan_id = plan;
  f.target_body = "新密市应急管理局";
  f.submitted = {2024, 3, 28};
  f.registration_no = "XM-2024-01";
  auto filing = service::PlanService(*db_, registry_).addFiling(f, actor_);
  ASSERT_TRUE(filing.isOk()) << filing.status().describe();
  EXPECT_EQ(
      correction().voidRecord(RecordKind::PlanTransition, issued, "x", admin()).status.field(),
      "step")
      << "the 备案 was recorded after the 印发";
  ASSERT_TRUE(
      correction().voidRecord(RecordKind::Filing, filing.value(), "备案录错", admin()).ok());
  bool seen = false;
  for (const auto& t : store::PlanTransitionRepository(db_->session()).listForPlan(plan)) {
    if (t.step != "file") continue;
    seen = true;
    EXPECT_TRUE(t.voided()) << "voided with its filing";
    EXPECT_EQ(t.void_reason, "备案录错");
  }
  EXPECT_TRUE(seen);
  auto out = correction().voidRecord(RecordKind::PlanTransition, issued, "尚未印发", admin());
  ASSERT_TRUE(out.ok()) << out.status.describe();
  EXPECT_EQ(stored(plan).status, PlanStatus::Approved);
}

TEST_F(PlanStepCorrectionTest, AVoidedSubmissionSendsTheDraftBackToDrafting) {
  const auto plan = draftPlan("P-QUAKE-TS1", "城关镇地震应急预案");
  const auto submitted = must(lifecycle().submitForReview(plan, on({2024, 3, 5}), actor_));
  ASSERT_EQ(stored(plan).status, PlanStatus::InReview);
  ASSERT_TRUE(
      correction().voidRecord(RecordKind::PlanTransition, submitted, "提交错了稿本", admin()).ok());
  EXPECT_EQ(stored(plan).status, PlanStatus::Drafting);
  EXPECT_EQ(state(plan).draft_stage, PlanStatus::Drafting);
  // The plan moves on from drafting as if the voided step had not been recorded.
  must(lifecycle().submitForReview(plan, on({2024, 3, 6}), actor_));
  EXPECT_EQ(stored(plan).status, PlanStatus::InReview);
}


// Issue #11 loose ends: a voided step never counts, and a corrected review or filing keeps its
// life-cycle step row in step (day, body, document, note; a changed outcome only as the latest step).
class PlanStepFollowsItsRecordTest : public PlanStepCorrectionTest {
 protected:
  sdk::RecordId file(sdk::RecordId plan, Date submitted, const std::string& number) {
    sdk::Filing f;
    f.plan_id = plan;
    f.target_body = "新密市应急管理局";
    f.submitted = submitted;
    f.registration_no = number;
    auto id = service::PlanService(*db_, registry_).addFiling(f, actor_);
    EXPECT_TRUE(id.isOk()) << id.status().describe();
    return id.isOk() ? id.value() : 0;
  }
  // The steps of `kind` in force, oldest first.
  std::vector<store::PlanTransition> steps(sdk::RecordId plan, const std::string& kind,
                                           bool voided = false) {
    std::vector<store::PlanTransition> out;
    for (const auto& t : store::PlanTransitionRepository(db_->session()).listForPlan(plan)) {
      if (t.step == kind && t.voided() == voided) out.push_back(t);
    }
    return out;
  }
  sdk::RecordId reviewId(sdk::RecordId plan) {
    sdk::RecordId id = 0;
    for (const auto& r : store::ReviewRepository(db_->session()).listForPlan(plan)) id = r.id;
    return id;
  }
  // A plan drafted and submitted for review on 2024-03-05, reviewed (`conclusion`) on 2024-03-10.
  sdk::RecordId reviewedPlan(sdk::ReviewConclusion conclusion = sdk::ReviewConclusion::Passed) {
    const auto plan = draftPlan("P-QUAKE-TS1", "城关镇地震应急预案");
    must(lifecycle().submitForReview(plan, on({2024, 3, 5}), actor_));
    sdk::Review r;
    r.plan_id = plan;
    r.kind = sdk::ReviewKind::Review;
    r.conclusion = conclusion;
    r.date = {2024, 3, 10};
    r.reviewers = "专家组";
    EXPECT_TRUE(service::PlanService(*db_, registry_).addReview(r, actor_).isOk());
    return plan;
  }
};

TEST_F(PlanStepFollowsItsRecordTest, AReviewIsVoidedOnlyAsThePlanLatestStepNamingTheLaterOne) {
  const auto plan = reviewedPlan();
  const auto approved = must(lifecycle().approve(plan, on({2024, 3, 15}, "城关镇人民政府"), actor_));
  auto refused = correction().voidRecord(RecordKind::Review, reviewId(plan), "评审记录录错", admin());
  ASSERT_EQ(refused.failure, service::CorrectionFailure::Invalid);
  EXPECT_EQ(refused.status.field(), "step");
  EXPECT_NE(refused.status.message().find("「审批」（#" + std::to_string(approved)), std::string::npos)
      << refused.status.message();
  EXPECT_EQ(steps(plan, "review").size(), 1u) << "a refused void writes nothing";
  EXPECT_EQ(stored(plan).status, PlanStatus::Approved);
  auto english = correction(true).voidRecord(RecordKind::Review, reviewId(plan), "wrong", admin());
  EXPECT_NE(english.status.message().find("approve #" + std::to_string(approved)), std::string::npos)
      << english.status.message();
  // Voided latest first, the review goes too and the draft is back in review, not yet passed.
  ASSERT_TRUE(correction().voidRecord(RecordKind::PlanTransition, approved, "审批录错", admin()).ok());
  auto voided = correction().voidRecord(RecordKind::Review, reviewId(plan), "评审记录录错", admin());
  ASSERT_TRUE(voided.ok()) << voided.status.describe();
  EXPECT_TRUE(steps(plan, "review").empty());
  EXPECT_EQ(stored(plan).status, PlanStatus::InReview);
  EXPECT_FALSE(state(plan).review_passed);
  EXPECT_EQ(service::PlanLifecycle::nextStep(state(plan)), LifecycleStep::Review);
}

TEST_F(PlanStepFollowsItsRecordTest, AVoidedFailedReviewReturnsTheDraftToReviewEvenAfterAnEdit) {
  const auto plan = reviewedPlan(sdk::ReviewConclusion::Failed);
  ASSERT_EQ(stored(plan).status, PlanStatus::Drafting);
  // A draft edit moves no state: it does not hold the review it follows.
  must(lifecycle().editDraft(plan, {"第一章 总则（改）\n", ""}, actor_));
  auto voided = correction().voidRecord(RecordKind::Review, reviewId(plan), "结论录错", admin());
  ASSERT_TRUE(voided.ok()) << voided.status.describe();
  EXPECT_EQ(stored(plan).status, PlanStatus::InReview) << "the state the review came from";
  EXPECT_EQ(state(plan).draft_stage, PlanStatus::InReview);
  // The edit itself is neither voided nor corrected.
  const auto edit = steps(plan, "edit_draft");
  ASSERT_EQ(edit.size(), 1u);
  auto no = correction().voidRecord(RecordKind::PlanTransition, edit[0].id, "撤销修改", admin());
  EXPECT_EQ(no.status.field(), "step") << no.status.describe();
  auto fix = correction().correctPlanStep(edit[0].id, {{"note", "x"}}, "更正", admin());
  EXPECT_EQ(fix.status.field(), "step") << fix.status.describe();
}

TEST_F(PlanStepFollowsItsRecordTest, NextStepIgnoresAVoidedFiling) {
  const auto plan = approvedPlan();
  issue(plan);
  EXPECT_EQ(service::PlanLifecycle::nextStep(state(plan)), LifecycleStep::File);
  const auto filing = file(plan, {2024, 3, 28}, "XM-2024-01");
  EXPECT_EQ(service::PlanLifecycle::nextStep(state(plan)), LifecycleStep::Publish);
  ASSERT_TRUE(correction().voidRecord(RecordKind::Filing, filing, "备案录错", admin()).ok());
  EXPECT_FALSE(state(plan).in_force_filed) << "a voided filing never counts";
  EXPECT_EQ(service::PlanLifecycle::nextStep(state(plan)), LifecycleStep::File);
}

TEST_F(PlanStepFollowsItsRecordTest, ACorrectedFilingCorrectsItsStepSoItsVoidTakesTheStep) {
  const auto plan = approvedPlan();
  issue(plan);
  const auto filing = file(plan, {2024, 3, 28}, "XM-2024-01");
  auto out = correction().correctFiling(
      filing, {{"submitted", "2024-03-27"}, {"registration_no", "XM-2024-02"}}, "编号录错",
      admin());
  ASSERT_TRUE(out.ok()) << out.status.describe();
  auto row = steps(plan, "file");
  ASSERT_EQ(row.size(), 1u);
  EXPECT_EQ(row[0].date.toString(), "2024-03-27") << "the history shows the corrected day";
  EXPECT_EQ(row[0].document, "XM-2024-02");
  ASSERT_TRUE(correction().voidRecord(RecordKind::Filing, filing, "重复备案", admin()).ok());
  EXPECT_TRUE(steps(plan, "file").empty()) << "the corrected filing's void takes its step";
  EXPECT_EQ(steps(plan, "file", true).size(), 1u);
}

TEST_F(PlanStepFollowsItsRecordTest, ACorrectedReviewCorrectsItsStepDayReviewersAndConclusion) {
  const auto plan = approvedPlan();
  const auto review = reviewId(plan);
  auto out = correction().correctReview(
      review,
      {{"date", "2024-03-09"}, {"reviewers", "市专家组"}, {"conclusion", "passed_with_changes"}},
      "日期和结论录错", admin());
  ASSERT_TRUE(out.ok()) << out.status.describe();
  auto row = steps(plan, "review");
  ASSERT_EQ(row.size(), 1u);
  EXPECT_EQ(row[0].date.toString(), "2024-03-09");
  EXPECT_EQ(row[0].body, "市专家组");
  EXPECT_EQ(row[0].note, "修改后通过");
  EXPECT_EQ(row[0].to_status, "in_review");
  // 不通过 would undo the approval recorded after it: refused naming the field, nothing written.
  auto failed =
      correction().correctReview(review, {{"conclusion", "failed"}}, "结论录错", admin());
  EXPECT_EQ(failed.failure, service::CorrectionFailure::Invalid);
  EXPECT_EQ(failed.status.field(), "conclusion") << failed.status.describe();
  EXPECT_NE(failed.status.message().find("审批"), std::string::npos) << failed.status.message();
  EXPECT_EQ(store::ReviewRepository(db_->session()).findById(review)->conclusion,
            sdk::ReviewConclusion::PassedWithChanges);
}

TEST_F(PlanStepFollowsItsRecordTest, AReviewCorrectedToFailedAsTheLatestStepSendsTheDraftBack) {
  const auto plan = reviewedPlan();
  ASSERT_TRUE(state(plan).review_passed);
  const auto review = reviewId(plan);
  auto out = correction().correctReview(review, {{"conclusion", "failed"}}, "结论录错", admin());
  ASSERT_TRUE(out.ok()) << out.status.describe();
  EXPECT_EQ(stored(plan).status, PlanStatus::Drafting);
  EXPECT_EQ(state(plan).draft_stage, PlanStatus::Drafting);
  auto row = steps(plan, "review");
  ASSERT_EQ(row.size(), 1u) << "the step with the old outcome is voided, the new one in force";
  EXPECT_EQ(row[0].to_status, "drafting");
  EXPECT_EQ(row[0].note, "不通过");
  ASSERT_EQ(steps(plan, "review", true).size(), 1u);
  EXPECT_EQ(steps(plan, "review", true)[0].void_reason, "结论录错");
  // Voiding the corrected review takes its (new) step: the draft is in review again, unreviewed.
  ASSERT_TRUE(correction().voidRecord(RecordKind::Review, review, "评审无效", admin()).ok());
  EXPECT_TRUE(steps(plan, "review").empty());
  EXPECT_EQ(stored(plan).status, PlanStatus::InReview);
  EXPECT_FALSE(state(plan).review_passed);
}

// 修订 is voided like the other state steps, as the plan's latest step only: the version it
// created is withdrawn (kept as history, never the draft again) and the state is computed from
// the steps still in force; a revision recorded as issued also gives the earlier version back.
class RevisionVoidTest : public PlanStepCorrectionTest {
 protected:
  sdk::RecordId revise(bool draft, Date issued = {}) {
    sdk::PlanVersion v;
    v.trigger = "risk_changed_major";
    v.text = "第一章 总则（修订）\n";
    v.issued = issued;
    service::RevisionOptions options;
    options.draft = draft;
    auto id = service::PlanService(*db_, registry_).revise(plan_, v, actor_, options);
    EXPECT_TRUE(id.isOk()) << id.status().describe();
    return id.isOk() ? id.value() : 0;
  }
  sdk::RecordId reviseStep(sdk::RecordId version) {
    for (const auto& t : store::PlanTransitionRepository(db_->session()).listForPlan(plan_)) {
      if (t.step == "revise" && t.plan_version_id == version && !t.voided()) return t.id;
    }
    ADD_FAILURE() << "no revise step of version " << version;
    return 0;
  }
};

TEST_F(RevisionVoidTest, AVoidedDraftRevisionWithdrawsItsDraft) {
  const auto v2 = revise(true);
  ASSERT_EQ(state(plan_).draft.id, v2);
  auto out =
      correction().voidRecord(RecordKind::PlanTransition, reviseStep(v2), "修订稿录错", admin());
  ASSERT_TRUE(out.ok()) << out.status.describe();
  const auto s = state(plan_);
  EXPECT_EQ(s.draft.id, 0) << "the withdrawn draft is no longer the plan's draft";
  EXPECT_EQ(s.in_force.number, 1);
  EXPECT_EQ(stored(plan_).status, PlanStatus::Issued);
  EXPECT_TRUE(service::PlanLifecycle::allows(s, LifecycleStep::Revise));
  EXPECT_FALSE(service::PlanLifecycle::allows(s, LifecycleStep::SubmitReview));
  // A new revision is the next number; the withdrawn one stays in the versions as history.
  const auto v3 = revise(true);
  EXPECT_EQ(state(plan_).draft.id, v3);
  EXPECT_EQ(state(plan_).draft.number, 3);
}

TEST_F(RevisionVoidTest, AVoidedIssuedRevisionGivesTheEarlierVersionBack) {
  const auto v2 = revise(false, {2024, 1, 10});
  ASSERT_EQ(state(plan_).in_force.id, v2);
  auto out = correction(true).voidRecord(RecordKind::PlanTransition, reviseStep(v2), "wrong plan",
                                         admin());
  ASSERT_TRUE(out.ok()) << out.status.describe();
  const auto s = state(plan_);
  EXPECT_EQ(s.in_force.number, 1) << "version 1 is in force again";
  EXPECT_EQ(s.draft.id, 0);
  EXPECT_EQ(stored(plan_).status, PlanStatus::Issued);
  EXPECT_EQ(stored(plan_).current_version, 1);
  EXPECT_FALSE(store::PlanRepository(db_->session()).versionById(v2)->issued.isSet());
}

TEST_F(RevisionVoidTest, ARevisionIsVoidedOnlyWhileItIsTheLatestStep) {
  const auto v2 = revise(true);
  must(lifecycle().submitForReview(plan_, on(service::today()), actor_));
  auto out = correction().voidRecord(RecordKind::PlanTransition, reviseStep(v2), "x", admin());
  EXPECT_EQ(out.failure, service::CorrectionFailure::Invalid);
  EXPECT_EQ(out.status.field(), "step");
  EXPECT_NE(out.status.message().find("提交评审"), std::string::npos) << out.status.message();
  EXPECT_EQ(state(plan_).draft.id, v2) << "nothing written";
}

}  // namespace
}  // namespace beacon::testing
