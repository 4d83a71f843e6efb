// The plan life cycle through the service: every legal step in order
// (编制中 → 评审中 → 已批准 → 已印发, 备案, 公开, 评估, 修订, 废止) with its
// transition row, every step the state does not allow refused naming the
// state (zh-CN and English), the review and evaluation conclusions kept
// apart, enterprise preparation before review, a draft revision that leaves
// the issued version in force, a minor revision that answers a plan defect
// only when it names the corrective action, and the as-of status from the
// dated steps.
#include <algorithm>
#include <optional>

#include <gtest/gtest.h>

#include "host/service/service_fixture.h"
#include "rules/plan_history.h"
#include "service/plan_lifecycle.h"
#include "service/record_checks.h"
#include "store/audit_log.h"
#include "store/corrective_action.h"
#include "store/corrective_action_repository.h"
#include "store/plan_repository.h"
#include "store/plan_transition_repository.h"
#include "store/revision_triggers.h"

namespace beacon::testing {
namespace {

using sdk::Date;
using sdk::PlanStatus;
using service::LifecycleStep;
using service::PlanLifecycle;
using service::StepRecord;

class PlanLifecycleTest : public ServiceFixture {
 protected:
  // A plan with its first draft (v1, not issued).
  sdk::RecordId draftPlan(const std::string& code, sdk::RecordId owner = 0) {
    sdk::Plan p;
    p.code = code;
    p.title = "城关镇森林火灾应急预案";
    p.domain = sdk::kGeneralDomain;
    p.category = owner == enterprise_ ? sdk::category::kComprehensive : sdk::category::kSpecial;
    p.owner_org_id = owner == 0 ? township_ : owner;
    sdk::PlanVersion v;
    v.text = "第一章 总则\n";
    auto r = service::PlanService(*db_, registry_).addPlan(p, v, actor_);
    EXPECT_TRUE(r.isOk()) << r.status().describe();
    return r.isOk() ? r.value() : 0;
  }
  static StepRecord on(Date d, const std::string& body = "", const std::string& document = "") {
    StepRecord r;
    r.date = d;
    r.body = body;
    r.document = document;
    return r;
  }
  static service::IssueRecord issueOn(Date d, const std::string& no) {
    service::IssueRecord r;
    r.step = on(d, "", no);
    return r;
  }
  sdk::Status review(sdk::RecordId plan, sdk::ReviewKind kind, sdk::ReviewConclusion c, Date d,
                     bool english = false) {
    sdk::Review r;
    r.plan_id = plan;
    r.kind = kind;
    r.conclusion = c;
    r.date = d;
    r.reviewers = "专家组";
    auto id = service::PlanService(*db_, registry_, english).addReview(r, actor_);
    return id.isOk() ? sdk::Status::ok() : id.status();
  }
  sdk::Status file(sdk::RecordId plan, Date d, bool english = false) {
    sdk::Filing f;
    f.plan_id = plan;
    f.target_body = "新密市应急管理局";
    f.submitted = d;
    auto id = service::PlanService(*db_, registry_, english).addFiling(f, actor_);
    return id.isOk() ? sdk::Status::ok() : id.status();
  }
  sdk::Plan stored(sdk::RecordId id) { return *store::PlanRepository(db_->session()).findById(id); }
  std::vector<store::PlanTransition> steps(sdk::RecordId id) {
    return store::PlanTransitionRepository(db_->session()).listForPlan(id);
  }
  // Expects a refusal naming the state `state_zh` and the step `step_zh`.
  static void refused(const sdk::Status& s, const std::string& state_zh,
                      const std::string& step_zh) {
    ASSERT_FALSE(s.isOk()) << "the step must be refused in state " << state_zh;
    EXPECT_EQ(s.field(), "status") << s.describe();
    EXPECT_NE(s.message().find("「" + state_zh + "」"), std::string::npos) << s.message();
    EXPECT_NE(s.message().find("不能" + step_zh), std::string::npos) << s.message();
  }
};

TEST_F(PlanLifecycleTest, ADraftIsSubmittedReviewedApprovedAndIssuedEachStepRecorded) {
  const sdk::RecordId id = draftPlan("P-LC1");
  PlanLifecycle lc(*db_, false);
  EXPECT_EQ(stored(id).status, PlanStatus::Drafting);
  ASSERT_TRUE(lc.submitForReview(id, on({2024, 3, 1}), actor_).isOk());
  EXPECT_EQ(lc.state(id).shown(), PlanStatus::InReview);
  ASSERT_TRUE(
      review(id, sdk::ReviewKind::Review, sdk::ReviewConclusion::PassedWithChanges, {2024, 3, 10})
          .isOk());
  ASSERT_TRUE(lc.approve(id, on({2024, 3, 20}, "城关镇党委、政府"), actor_).isOk());
  EXPECT_EQ(lc.state(id).shown(), PlanStatus::Approved);
  auto issued = lc.issue(id, issueOn({2024, 4, 1}, "城政〔2024〕8号"), actor_);
  ASSERT_TRUE(issued.isOk()) << issued.status().describe();
  const sdk::Plan p = stored(id);
  EXPECT_EQ(p.status, PlanStatus::Issued);
  EXPECT_EQ(p.current_version, 1);
  store::PlanRepository plans(db_->session());
  const auto v1 = plans.version(id, 1);
  EXPECT_EQ(v1->issued, (Date{2024, 4, 1}));
  EXPECT_EQ(v1->effective, (Date{2024, 4, 1})) << "effective defaults to the issue date";
  EXPECT_EQ(plans.issueOf(v1->id).document_no, "城政〔2024〕8号");
  EXPECT_EQ(plans.issueOf(v1->id).approved_by, "城关镇党委、政府");
  EXPECT_EQ(v1->action, sdk::VersionAction::Drafted) << "issuing the first draft is 编制, not 修订";
  // Now it can be filed, published and evaluated (a drafted plan could not be filed before).
  EXPECT_TRUE(file(id, {2024, 4, 15}).isOk());
  ASSERT_TRUE(
      lc.publish(id, on({2024, 4, 16}, "新密市人民政府网站", "https://example.invalid/p"), actor_)
          .isOk());
  EXPECT_TRUE(
      review(id, sdk::ReviewKind::Evaluation, sdk::ReviewConclusion::Keep, {2024, 9, 1}).isOk());
  const auto rows = steps(id);
  std::vector<std::string> names;
  for (const auto& t : rows) names.push_back(t.step + ":" + t.from_status + ">" + t.to_status);
  EXPECT_EQ(names, (std::vector<std::string>{
                       "submit_review:drafting>in_review", "review:in_review>in_review",
                       "approve:in_review>approved", "issue:approved>issued", "file:issued>issued",
                       "publish:issued>issued", "evaluate:issued>issued"}));
  EXPECT_EQ(rows[3].document, "城政〔2024〕8号");
  EXPECT_EQ(rows[3].actor, "tester");
  EXPECT_EQ(rows[5].body, "新密市人民政府网站");
  EXPECT_EQ(rows[5].document, "https://example.invalid/p");
  EXPECT_EQ(rows[0].version_number, 1);
}

TEST_F(PlanLifecycleTest, EveryStepTheStateDoesNotAllowIsRefusedNamingTheState) {
  const sdk::RecordId id = draftPlan("P-LC2");
  PlanLifecycle lc(*db_, false);
  // 编制中
  refused(lc.approve(id, on({2024, 3, 1}, "政府"), actor_).status(), "编制中", "审批");
  refused(lc.issue(id, issueOn({2024, 3, 1}, "文号"), actor_).status(), "编制中", "印发");
  refused(lc.publish(id, on({2024, 3, 1}, "网站"), actor_).status(), "编制中", "公开");
  refused(review(id, sdk::ReviewKind::Review, sdk::ReviewConclusion::Passed, {2024, 3, 1}), "编制中",
          "评审");
  refused(review(id, sdk::ReviewKind::Evaluation, sdk::ReviewConclusion::Keep, {2024, 3, 1}),
          "编制中", "评估");
  refused(file(id, {2024, 3, 1}), "编制中", "备案");
  // English names the state and the step too.
  auto en = PlanLifecycle(*db_, true).issue(id, issueOn({2024, 3, 1}, "x"), actor_);
  EXPECT_NE(en.status().message().find("is Drafting; cannot issue"), std::string::npos)
      << en.status().message();
  EXPECT_NE(file(id, {2024, 3, 1}, true).message().find("cannot file"), std::string::npos);
  // 评审中
  ASSERT_TRUE(lc.submitForReview(id, on({2024, 3, 1}), actor_).isOk());
  refused(lc.submitForReview(id, on({2024, 3, 2}), actor_).status(), "评审中", "提交评审");
  refused(lc.approve(id, on({2024, 3, 2}, "政府"), actor_).status(), "评审中",
          "审批");  // no review yet
  refused(lc.issue(id, issueOn({2024, 3, 2}, "文号"), actor_).status(), "评审中", "印发");
  refused(service::PlanService(*db_, registry_)
              .revise(id,
                      [] {
                        sdk::PlanVersion v;
                        v.trigger = store::trigger::kOwnerDiscretion;
                        v.text = "x";
                        return v;
                      }(),
                      actor_, {true, false, 0})
              .status(),
          "评审中", "修订");
  // 不通过 sends it back to 编制中.
  ASSERT_TRUE(review(id, sdk::ReviewKind::Review, sdk::ReviewConclusion::Failed, {2024, 3, 5}).isOk());
  EXPECT_EQ(lc.state(id).shown(), PlanStatus::Drafting);
  refused(lc.approve(id, on({2024, 3, 6}, "政府"), actor_).status(), "编制中", "审批");
  ASSERT_TRUE(lc.submitForReview(id, on({2024, 3, 7}), actor_).isOk());
  ASSERT_TRUE(review(id, sdk::ReviewKind::Review, sdk::ReviewConclusion::Passed, {2024, 3, 8}).isOk());
  // 已批准
  ASSERT_TRUE(lc.approve(id, on({2024, 3, 9}, "政府"), actor_).isOk());
  refused(lc.approve(id, on({2024, 3, 9}, "政府"), actor_).status(), "已批准", "审批");
  refused(lc.submitForReview(id, on({2024, 3, 9}), actor_).status(), "已批准", "提交评审");
  refused(lc.publish(id, on({2024, 3, 9}, "网站"), actor_).status(), "已批准", "公开");
  // 已废止: nothing more.
  ASSERT_TRUE(lc.abolish(id, on({2024, 3, 10}), "", actor_).isOk());
  refused(lc.issue(id, issueOn({2024, 3, 11}, "文号"), actor_).status(), "已废止", "印发");
  refused(lc.abolish(id, on({2024, 3, 11}), "", actor_).status(), "已废止", "废止");
  refused(
      lc.recordPreparation(id, LifecycleStep::RiskAssessment, on({2024, 3, 11}), actor_).status(),
      "已废止", "风险评估");
  refused(file(id, {2024, 3, 11}), "已废止", "备案");
  EXPECT_EQ(stored(id).status, PlanStatus::Abolished);
}

// allowedSteps is the table the steps are checked against: in each state it lists exactly the
// steps the brief's life cycle allows, and every other step is refused naming the state.
TEST_F(PlanLifecycleTest, AllowedStepsIsTheTableEveryStepIsCheckedAgainst) {
  using Steps = std::vector<LifecycleStep>;
  const Steps all = {
      LifecycleStep::RiskAssessment, LifecycleStep::ResourceSurvey, LifecycleStep::SubmitReview,
      LifecycleStep::Review,         LifecycleStep::Approve,        LifecycleStep::Issue,
      LifecycleStep::File,           LifecycleStep::Publish,        LifecycleStep::Evaluate,
      LifecycleStep::Revise,         LifecycleStep::Abolish,        LifecycleStep::EditDraft};
  const sdk::RecordId id = draftPlan("P-LC-TABLE");
  PlanLifecycle lc(*db_, false);
  const Date day{2024, 5, 20};
  auto attempt = [&](LifecycleStep step) -> sdk::Status {
    auto status = [](const sdk::Result<sdk::RecordId>& r) {
      return r.isOk() ? sdk::Status::ok() : r.status();
    };
    switch (step) {
      case LifecycleStep::RiskAssessment:
      case LifecycleStep::ResourceSurvey:
        return status(lc.recordPreparation(id, step, on(day), actor_));
      case LifecycleStep::SubmitReview:
        return status(lc.submitForReview(id, on(day), actor_));
      case LifecycleStep::Review:
        return review(id, sdk::ReviewKind::Review, sdk::ReviewConclusion::Passed, day);
      case LifecycleStep::Approve:
        return status(lc.approve(id, on(day, "政府"), actor_));
      case LifecycleStep::Issue:
        return status(lc.issue(id, issueOn(day, "文号"), actor_));
      case LifecycleStep::File:
        return file(id, day);
      case LifecycleStep::Publish:
        return status(lc.publish(id, on(day, "网站"), actor_));
      case LifecycleStep::Evaluate:
        return review(id, sdk::ReviewKind::Evaluation, sdk::ReviewConclusion::Keep, day);
      case LifecycleStep::Revise: {
        sdk::PlanVersion v;
        v.trigger = store::trigger::kOwnerDiscretion;
        v.text = "第一章 总则（修订）\n";
        return status(
            service::PlanService(*db_, registry_).revise(id, v, actor_, {true, false, 0}));
      }
      case LifecycleStep::Abolish:
        return status(lc.abolish(id, on(day), "", actor_));
      case LifecycleStep::EditDraft:
        return status(lc.editDraft(id, {"第一章 总则（改）\n", ""}, actor_));
    }
    return sdk::Status::ok();
  };
  auto expect = [&](const Steps& allowed, std::optional<LifecycleStep> next, const char* state) {
    const service::LifecycleState s = lc.state(id);
    EXPECT_EQ(PlanLifecycle::allowedSteps(s), allowed) << state;
    EXPECT_EQ(PlanLifecycle::nextStep(s), next) << state;
    for (LifecycleStep step : all) {
      if (std::find(allowed.begin(), allowed.end(), step) != allowed.end()) continue;
      const sdk::Status refused = attempt(step);
      EXPECT_FALSE(refused.isOk()) << state << ": " << service::toId(step) << " must be refused";
      EXPECT_EQ(refused.field(), "status")
          << state << ": " << service::toId(step) << " " << refused.describe();
    }
  };
  expect({LifecycleStep::RiskAssessment, LifecycleStep::ResourceSurvey, LifecycleStep::EditDraft,
          LifecycleStep::SubmitReview, LifecycleStep::Abolish},
         LifecycleStep::SubmitReview, "编制中 (a plan never issued is not revised)");
  ASSERT_TRUE(lc.submitForReview(id, on({2024, 3, 1}), actor_).isOk());
  expect({LifecycleStep::Review, LifecycleStep::Abolish}, LifecycleStep::Review, "评审中");
  ASSERT_TRUE(
      review(id, sdk::ReviewKind::Review, sdk::ReviewConclusion::Passed, {2024, 3, 5}).isOk());
  expect({LifecycleStep::Approve, LifecycleStep::Abolish}, LifecycleStep::Approve,
         "评审通过 (no second 评审)");
  ASSERT_TRUE(lc.approve(id, on({2024, 3, 10}, "政府"), actor_).isOk());
  expect({LifecycleStep::Issue, LifecycleStep::Abolish}, LifecycleStep::Issue, "已批准");
  ASSERT_TRUE(lc.issue(id, issueOn({2024, 4, 1}, "城政〔2024〕8号"), actor_).isOk());
  const Steps issued = {LifecycleStep::File, LifecycleStep::Publish, LifecycleStep::Evaluate,
                        LifecycleStep::Revise, LifecycleStep::Abolish};
  expect(issued, LifecycleStep::File, "已印发 (no preparation without a draft)");
  ASSERT_TRUE(file(id, {2024, 4, 5}).isOk());
  EXPECT_EQ(PlanLifecycle::nextStep(lc.state(id)), LifecycleStep::Publish);
  ASSERT_TRUE(lc.publish(id, on({2024, 4, 6}, "网站"), actor_).isOk());
  EXPECT_EQ(PlanLifecycle::nextStep(lc.state(id)), LifecycleStep::Evaluate);
  ASSERT_TRUE(lc.abolish(id, on({2024, 5, 1}), "", actor_).isOk());
  expect({}, std::nullopt, "已废止");
}

TEST_F(PlanLifecycleTest, TheDraftIsEditedWhileDraftingAndAfterAFailedReviewWithoutANewVersion) {
  const sdk::RecordId id = draftPlan("P-LC-EDIT");
  PlanLifecycle lc(*db_, false);
  store::PlanRepository plans(db_->session());
  auto edited = lc.editDraft(id, {"第一章 总则\n第二章 组织体系\n", "补充组织体系"}, actor_);
  ASSERT_TRUE(edited.isOk()) << edited.status().describe();
  EXPECT_EQ(plans.version(id, 1)->text, "第一章 总则\n第二章 组织体系\n");
  // 评审 不通过 sends it back to 编制中, where it is edited again: still v1, still 编制.
  ASSERT_TRUE(lc.submitForReview(id, on({2024, 3, 1}), actor_).isOk());
  ASSERT_TRUE(
      review(id, sdk::ReviewKind::Review, sdk::ReviewConclusion::Failed, {2024, 3, 5}).isOk());
  ASSERT_EQ(lc.state(id).shown(), PlanStatus::Drafting);
  ASSERT_TRUE(lc.editDraft(id, {"第一章 总则（按评审意见修改）\n", ""}, actor_).isOk());
  const auto versions = plans.versions(id, true);
  ASSERT_EQ(versions.size(), 1u) << "an edit is not a new version";
  EXPECT_EQ(versions[0].text, "第一章 总则（按评审意见修改）\n");
  EXPECT_EQ(versions[0].action, sdk::VersionAction::Drafted) << "an edit is not a 修订";
  const auto rows = steps(id);
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.back().step, "edit_draft");
  EXPECT_EQ(rows.back().from_status, "drafting");
  EXPECT_EQ(rows.back().to_status, "drafting");
  EXPECT_EQ(rows.back().date, service::today());
  // The audit entry keeps the text before and after.
  const auto audit = store::AuditLog(db_->session()).list("plan_version", versions[0].id, 1);
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, "edit_draft");
  EXPECT_NE(audit[0].before_json.find("第二章 组织体系"), std::string::npos) << audit[0].before_json;
  EXPECT_NE(audit[0].after_json.find("按评审意见修改"), std::string::npos) << audit[0].after_json;
  // The edited draft goes on through review as before.
  EXPECT_TRUE(lc.submitForReview(id, on({2024, 3, 10}), actor_).isOk());
}

TEST_F(PlanLifecycleTest, AnEditIsRefusedNamingTheStateOutsideDraftingAndItsTextIsChecked) {
  const sdk::RecordId id = draftPlan("P-LC-EDIT2");
  PlanLifecycle lc(*db_, false);
  auto empty = lc.editDraft(id, {"", ""}, actor_);
  ASSERT_FALSE(empty.isOk());
  EXPECT_EQ(empty.status().field(), "text");
  auto same = lc.editDraft(id, {"第一章 总则\n", ""}, actor_);
  ASSERT_FALSE(same.isOk());
  EXPECT_EQ(same.status().field(), "text") << "the same text is no edit";
  ASSERT_TRUE(lc.submitForReview(id, on({2024, 3, 1}), actor_).isOk());
  refused(lc.editDraft(id, {"改", ""}, actor_).status(), "评审中", "修改编制稿");
  ASSERT_TRUE(
      review(id, sdk::ReviewKind::Review, sdk::ReviewConclusion::Passed, {2024, 3, 5}).isOk());
  refused(lc.editDraft(id, {"改", ""}, actor_).status(), "评审中", "修改编制稿");
  ASSERT_TRUE(lc.approve(id, on({2024, 3, 10}, "政府"), actor_).isOk());
  refused(lc.editDraft(id, {"改", ""}, actor_).status(), "已批准", "修改编制稿");
  ASSERT_TRUE(lc.issue(id, issueOn({2024, 4, 1}, "城政〔2024〕8号"), actor_).isOk());
  const sdk::Status issued = lc.editDraft(id, {"改", ""}, actor_).status();
  refused(issued, "已印发", "修改编制稿");
  EXPECT_NE(issued.message().find("修订"), std::string::npos) << issued.message();
  const sdk::Status en = PlanLifecycle(*db_, true).editDraft(id, {"x", ""}, actor_).status();
  EXPECT_NE(en.message().find("is Issued; cannot edit the draft"), std::string::npos)
      << en.message();
  EXPECT_EQ(store::PlanRepository(db_->session()).version(id, 1)->text, "第一章 总则\n")
      << "a refused edit writes nothing";
  // A draft revision of the issued plan is edited while it is 编制中.
  sdk::PlanVersion v2;
  v2.trigger = store::trigger::kOwnerDiscretion;
  v2.text = "第一章 总则（修订稿）\n";
  ASSERT_TRUE(service::PlanService(*db_, registry_).revise(id, v2, actor_, {true, false, 0}).isOk());
  ASSERT_TRUE(lc.editDraft(id, {"第一章 总则（修订稿，改）\n", ""}, actor_).isOk());
  store::PlanRepository plans(db_->session());
  EXPECT_EQ(plans.version(id, 2)->text, "第一章 总则（修订稿，改）\n");
  EXPECT_EQ(plans.version(id, 1)->text, "第一章 总则\n") << "the version in force is untouched";
  ASSERT_TRUE(lc.abolish(id, on({2024, 5, 1}), "", actor_).isOk());
  refused(lc.editDraft(id, {"再改", ""}, actor_).status(), "已废止", "修改编制稿");
}

TEST_F(PlanLifecycleTest, ReviewAndEvaluationConclusionsAreKeptApart) {
  const sdk::RecordId id = draftPlan("P-LC3");
  PlanLifecycle lc(*db_, false);
  ASSERT_TRUE(lc.submitForReview(id, on({2024, 3, 1}), actor_).isOk());
  EXPECT_EQ(review(id, sdk::ReviewKind::Review, sdk::ReviewConclusion::Keep, {2024, 3, 2}).field(),
            "conclusion")
      << "继续有效 is an evaluation's conclusion, not a review's";
  EXPECT_EQ(
      review(plan_, sdk::ReviewKind::Evaluation, sdk::ReviewConclusion::Passed, {2024, 3, 2}).field(),
      "conclusion");
  EXPECT_TRUE(review(id, sdk::ReviewKind::Review, sdk::ReviewConclusion::Passed, {2024, 3, 2}).isOk());
  EXPECT_STREQ(sdk::labelZh(sdk::ReviewConclusion::PassedWithChanges), "修改后通过");
  // A 评审 of an issued version after its issue is refused (record an evaluation); one dated before
  // is history.
  refused(review(plan_, sdk::ReviewKind::Review, sdk::ReviewConclusion::Passed, {2023, 6, 1}), "已印发",
          "评审");
  EXPECT_TRUE(
      review(plan_, sdk::ReviewKind::Review, sdk::ReviewConclusion::Passed, {2023, 2, 1}).isOk());
}

TEST_F(PlanLifecycleTest, AnEnterprisePlanNeedsRiskAssessmentAndResourceSurveyBeforeReview) {
  const sdk::RecordId id = draftPlan("P-LC4", enterprise_);
  PlanLifecycle lc(*db_, false);
  auto none = lc.submitForReview(id, on({2024, 3, 1}), actor_);
  ASSERT_FALSE(none.isOk());
  EXPECT_EQ(none.status().field(), "preparation");
  EXPECT_NE(none.status().message().find("风险评估"), std::string::npos) << none.status().message();
  ASSERT_TRUE(lc.recordPreparation(id, LifecycleStep::RiskAssessment,
                                   on({2024, 2, 1}, "", "风险评估报告"), actor_)
                  .isOk());
  auto one = lc.submitForReview(id, on({2024, 3, 1}), actor_);
  ASSERT_FALSE(one.isOk());
  EXPECT_NE(one.status().message().find("应急资源调查"), std::string::npos)
      << one.status().message();
  ASSERT_TRUE(
      lc.recordPreparation(id, LifecycleStep::ResourceSurvey, on({2024, 2, 20}), actor_).isOk());
  EXPECT_FALSE(lc.submitForReview(id, on({2024, 2, 10}), actor_).isOk())
      << "the survey dated after the submission does not count";
  EXPECT_TRUE(lc.submitForReview(id, on({2024, 3, 1}), actor_).isOk());
  // A township plan needs neither (no rule found requiring them before review).
  EXPECT_TRUE(lc.submitForReview(draftPlan("P-LC4T"), on({2024, 3, 1}), actor_).isOk());
}

TEST_F(PlanLifecycleTest, PublishAndAbolishCheckTheirFields) {
  PlanLifecycle lc(*db_, false);
  EXPECT_EQ(lc.publish(plan_, on({2023, 3, 10}), actor_).status().field(), "channel");
  EXPECT_EQ(lc.publish(plan_, on({2023, 2, 1}, "网站"), actor_).status().field(), "date")
      << "before the issue";
  EXPECT_EQ(lc.publish(plan_, on({}, "网站"), actor_).status().field(), "date");
  EXPECT_EQ(lc.abolish(plan_, on({2024, 1, 1}), "NO-SUCH", actor_).status().field(), "replaced_by");
  EXPECT_EQ(lc.abolish(plan_, on({2024, 1, 1}), "P-FLOOD-TS1", actor_).status().field(),
            "replaced_by");
  EXPECT_EQ(stored(plan_).status, PlanStatus::Issued) << "nothing written";
  const sdk::RecordId successor = draftPlan("P-LC5");
  ASSERT_TRUE(lc.abolish(plan_, on({2024, 1, 1}, "", "城政〔2024〕1号"), "P-LC5", actor_).isOk());
  EXPECT_EQ(store::PlanRepository(db_->session()).abolitionOf(plan_).replaced_by, successor);
  EXPECT_EQ(steps(plan_).back().body, "P-LC5");
}

TEST_F(PlanLifecycleTest, ADraftRevisionLeavesTheIssuedVersionInForceUntilItIsIssued) {
  PlanLifecycle lc(*db_, false);
  sdk::PlanVersion v;
  v.trigger = store::trigger::kRiskChangedMajor;
  v.text = "第一章 总则\n第二章 指挥部\n";
  ASSERT_TRUE(
      service::PlanService(*db_, registry_).revise(plan_, v, actor_, {true, false, 0}).isOk());
  EXPECT_EQ(stored(plan_).status, PlanStatus::Issued);
  EXPECT_EQ(stored(plan_).current_version, 1);
  EXPECT_EQ(lc.state(plan_).shown(), PlanStatus::Drafting) << "the revision draft is being drafted";
  ASSERT_TRUE(lc.submitForReview(plan_, on({2024, 3, 1}), actor_).isOk());
  const sdk::Status passed =
      review(plan_, sdk::ReviewKind::Review, sdk::ReviewConclusion::Passed, {2024, 3, 5});
  ASSERT_TRUE(passed.isOk()) << passed.describe();
  EXPECT_TRUE(file(plan_, {2024, 3, 6}).isOk()) << "v1 in force can still be filed meanwhile";
  ASSERT_TRUE(lc.approve(plan_, on({2024, 3, 10}, "城关镇政府"), actor_).isOk());
  EXPECT_EQ(stored(plan_).current_version, 1);
  ASSERT_TRUE(lc.issue(plan_, issueOn({2024, 4, 1}, "城政〔2024〕9号"), actor_).isOk());
  EXPECT_EQ(stored(plan_).current_version, 2);
  EXPECT_EQ(store::PlanRepository(db_->session()).version(plan_, 2)->action,
            sdk::VersionAction::Revised);
}

TEST_F(PlanLifecycleTest, AMinorRevisionClearsAPlanDefectOnlyWhenItNamesTheCorrectiveAction) {
  service::PlanService s(*db_, registry_);
  store::CorrectiveAction a;
  a.plan_id = plan_;
  a.description = "转移路线与实际不符";
  a.responsible_org_id = township_;
  a.plan_defect = true;
  a.due = {2024, 6, 30};
  auto action = s.addCorrectiveAction(a, actor_);
  ASSERT_TRUE(action.isOk()) << action.status().describe();
  ASSERT_TRUE(stored(plan_).revision_required);
  sdk::PlanVersion minor;
  minor.trigger = store::trigger::kOwnerDiscretion;
  minor.major = false;
  minor.text = "第一章 总则（文字调整）\n";
  minor.issued = service::today();
  ASSERT_TRUE(s.revise(plan_, minor, actor_).isOk());
  EXPECT_TRUE(stored(plan_).revision_required)
      << "a minor revision that names no finding leaves the flag";
  EXPECT_EQ(s.revise(plan_, minor, actor_, {false, false, 999}).status().field(), "addresses");
  ASSERT_TRUE(s.revise(plan_, minor, actor_, {false, false, action.value()}).isOk());
  EXPECT_FALSE(stored(plan_).revision_required) << "it answers the corrective action it names";
  const rules::PlanHistory h = rules::PlanHistory::loadPlan(db_->session(), plan_);
  EXPECT_FALSE(h.asOf(plan_, service::today()).revision_required);
}

TEST_F(PlanLifecycleTest, TheStatusAsOfADateComesFromTheStepsDatedByThen) {
  const sdk::RecordId id = draftPlan("P-LC6");
  PlanLifecycle lc(*db_, false);
  ASSERT_TRUE(lc.submitForReview(id, on({2024, 3, 1}), actor_).isOk());
  ASSERT_TRUE(review(id, sdk::ReviewKind::Review, sdk::ReviewConclusion::Passed, {2024, 3, 5}).isOk());
  ASSERT_TRUE(lc.approve(id, on({2024, 3, 10}, "政府"), actor_).isOk());
  ASSERT_TRUE(lc.issue(id, issueOn({2024, 4, 1}, "文号"), actor_).isOk());
  ASSERT_TRUE(lc.abolish(id, on({2025, 1, 1}), "", actor_).isOk());
  const rules::PlanHistory h = rules::PlanHistory::load(db_->session(), "");
  auto statusOn = [&](Date d) {
    sdk::Plan p = stored(id);
    h.apply(p, d);
    return p.status;
  };
  EXPECT_EQ(statusOn({2024, 2, 29}), PlanStatus::Drafting);
  EXPECT_EQ(statusOn({2024, 3, 1}), PlanStatus::InReview);
  EXPECT_EQ(statusOn({2024, 3, 9}), PlanStatus::InReview);
  EXPECT_EQ(statusOn({2024, 3, 10}), PlanStatus::Approved);
  EXPECT_EQ(statusOn({2024, 3, 31}), PlanStatus::Approved) << "the day before the issue";
  EXPECT_EQ(statusOn({2024, 4, 1}), PlanStatus::Issued) << "the issue day";
  EXPECT_EQ(statusOn({2024, 12, 31}), PlanStatus::Issued);
  EXPECT_EQ(statusOn({2025, 1, 1}), PlanStatus::Abolished);
  EXPECT_EQ(h.asOf(id, {2024, 3, 31}).version_in_force, 0);
  EXPECT_EQ(h.asOf(id, {2024, 4, 1}).version_in_force, 1);
}

}  // namespace
}  // namespace beacon::testing
