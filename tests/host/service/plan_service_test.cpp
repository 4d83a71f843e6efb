#include "host/service/service_fixture.h"
#include "store/audit_log.h"
#include "store/corrective_action.h"
#include "store/plan_repository.h"
#include "store/revision_triggers.h"

namespace beacon::testing {
namespace {

class PlanServiceTest : public ServiceFixture {
 protected:
  sdk::Plan plan(const std::string& code) {
    sdk::Plan p;
    p.code = code;
    p.title = "预案";
    p.domain = "flood";
    p.category = sdk::category::kSpecial;
    p.owner_org_id = township_;
    return p;
  }
};

TEST_F(PlanServiceTest, EachPlanProblemNamesItsField) {
  service::PlanService s(*db_, registry_);
  EXPECT_EQ(s.validatePlan(plan("")).field(), "code");
  EXPECT_EQ(s.validatePlan(plan("P-FLOOD-TS1")).field(), "code") << "duplicate";
  auto p = plan("P2");
  p.title.clear();
  EXPECT_EQ(s.validatePlan(p).field(), "title");
  p = plan("P2");
  p.domain = "earthquake";
  EXPECT_EQ(s.validatePlan(p).field(), "domain");
  p = plan("P2");
  p.category = sdk::category::kMaster;
  EXPECT_EQ(s.validatePlan(p).field(), "category") << "flood does not list master plans";
  p.domain = sdk::kGeneralDomain;
  EXPECT_TRUE(s.validatePlan(p).isOk()) << "general takes every category";
  p = plan("P2");
  p.owner_org_id = 4242;
  EXPECT_EQ(s.validatePlan(p).field(), "owner_org_id");
}

TEST_F(PlanServiceTest, BadFirstVersionWritesNothing) {
  service::PlanService s(*db_, registry_);
  store::PlanRepository repo(db_->session());
  const int before = repo.count({});
  sdk::PlanVersion v;
  v.action = sdk::VersionAction::Revised;
  v.trigger = "because";
  auto r = s.addPlan(plan("P3"), v, actor_);
  ASSERT_FALSE(r.isOk());
  EXPECT_EQ(r.status().field(), "version.trigger");
  EXPECT_EQ(repo.count({}), before);
  EXPECT_FALSE(repo.findByCode("P3"));
}

TEST_F(PlanServiceTest, ReviseNeedsATriggerAndAppendsAVersion) {
  service::PlanService s(*db_, registry_);
  sdk::PlanVersion v;
  v.text = "第一章 总则\n第二章 指挥机构\n第三章 保障\n";
  v.issued = sdk::Date{2024, 5, 1};
  auto bad = s.revise(plan_, v, actor_);
  ASSERT_FALSE(bad.isOk());
  EXPECT_EQ(bad.status().field(), "trigger");
  v.trigger = store::trigger::kCommandStructureChanged;
  auto early = v;
  early.issued = sdk::Date{2022, 1, 1};
  EXPECT_EQ(s.revise(plan_, early, actor_).status().field(), "issued");
  auto ok = s.revise(plan_, v, actor_);
  ASSERT_TRUE(ok.isOk()) << ok.status().describe();
  auto p = store::PlanRepository(db_->session()).findById(plan_);
  EXPECT_EQ(p->current_version, 2);
  auto d = s.diff(plan_, 1, 2);
  ASSERT_TRUE(d.isOk());
  const std::string text = d.value().toText();
  EXPECT_NE(text.find("-第二章 [-组织-]机构"), std::string::npos) << text;
  EXPECT_NE(text.find("+第二章 {+指挥+}机构"), std::string::npos) << "only the changed word is marked";
  EXPECT_NE(text.find("+第三章 保障"), std::string::npos);
  EXPECT_EQ(s.diff(plan_, 1, 7).status().field(), "to");
}

TEST_F(PlanServiceTest, ARevisionNeedsItsTriggerIssueDateAndText) {
  service::PlanService s(*db_, registry_);
  store::PlanRepository repo(db_->session());
  const auto before = repo.versions(plan_, false).size();
  EXPECT_EQ(s.revise(plan_, sdk::PlanVersion{}, actor_).status().field(), "trigger") << "an empty revision";
  sdk::PlanVersion v;
  v.trigger = store::trigger::kRiskChangedMajor;
  v.text = "第一章 总则\n";
  EXPECT_EQ(s.revise(plan_, v, actor_).status().field(), "issued") << "no date and no draft choice";
  v.issued = sdk::Date{2024, 5, 1};
  auto no_text = v;
  no_text.text.clear();
  EXPECT_EQ(s.revise(plan_, no_text, actor_).status().field(), "text");
  service::RevisionOptions with_document;
  with_document.has_document = true;
  EXPECT_TRUE(s.checkRevision(plan_, no_text, with_document).isOk()) << "a document stands for the text";
  service::RevisionOptions draft;
  draft.draft = true;
  EXPECT_EQ(s.revise(plan_, v, actor_, draft).status().field(), "issued") << "a draft has no issue date";
  EXPECT_EQ(repo.versions(plan_, false).size(), before) << "nothing written";
  auto p = repo.findById(plan_);
  EXPECT_EQ(p->status, sdk::PlanStatus::Issued);
  EXPECT_EQ(p->current_version, 1);
}

TEST_F(PlanServiceTest, ADraftRevisionDoesNotReplaceTheVersionInForce) {
  service::PlanService s(*db_, registry_);
  store::PlanRepository repo(db_->session());
  store::CorrectiveAction defect;
  defect.description = "预案未明确转移路线";
  defect.responsible_org_id = township_;
  defect.plan_id = plan_;
  defect.plan_defect = true;
  ASSERT_TRUE(s.addCorrectiveAction(defect, actor_).isOk());
  sdk::PlanVersion v;
  v.trigger = store::trigger::kRiskChangedMajor;
  v.text = "修订稿\n";
  service::RevisionOptions draft;
  draft.draft = true;
  auto stored = s.revise(plan_, v, actor_, draft);
  ASSERT_TRUE(stored.isOk()) << stored.status().describe();
  auto p = repo.findById(plan_);
  EXPECT_EQ(p->status, sdk::PlanStatus::Issued) << "the plan stays issued";
  EXPECT_EQ(p->current_version, 1) << "on its issued version";
  EXPECT_TRUE(p->revision_required) << "a draft does not answer the revision requirement";
  EXPECT_EQ(repo.versionById(stored.value())->number, 2);
  v.issued = sdk::Date{2024, 6, 1};
  v.text = "印发稿\n";
  auto issued = s.revise(plan_, v, actor_);
  ASSERT_TRUE(issued.isOk()) << issued.status().describe();
  p = repo.findById(plan_);
  EXPECT_EQ(p->current_version, 3) << "the issued revision is numbered after the draft and is in force";
  EXPECT_FALSE(p->revision_required);
}

TEST_F(PlanServiceTest, TheSameVersionIsNotFiledTwiceUnderOneRegistrationNumber) {
  service::PlanService s(*db_, registry_);
  sdk::Filing f;
  f.plan_id = plan_;
  f.target_body = "新密市应急管理局";
  f.submitted = sdk::Date{2023, 3, 10};
  f.registration_no = "XM-2023-01";
  ASSERT_TRUE(s.addFiling(f, actor_).isOk());
  EXPECT_EQ(s.addFiling(f, actor_).status().field(), "registration_no");
  f.registration_no = "XM-2023-02";
  EXPECT_TRUE(s.addFiling(f, actor_).isOk()) << "another registration number is another filing";
}

TEST_F(PlanServiceTest, EvaluationConcludingReviseFlagsThePlan) {
  service::PlanService s(*db_, registry_);
  sdk::Review keep;
  keep.plan_id = plan_;
  keep.kind = sdk::ReviewKind::Evaluation;
  keep.date = sdk::Date{2024, 2, 1};
  ASSERT_TRUE(s.addReview(keep, actor_).isOk());
  EXPECT_FALSE(store::PlanRepository(db_->session()).findById(plan_)->revision_required);
  sdk::Review revise = keep;
  revise.conclusion = sdk::ReviewConclusion::Revise;
  revise.findings = "指挥机构已调整";
  auto r = s.addReview(revise, actor_);
  ASSERT_TRUE(r.isOk()) << r.status().describe();
  auto p = store::PlanRepository(db_->session()).findById(plan_);
  EXPECT_TRUE(p->revision_required);
  EXPECT_NE(p->revision_reason.find("指挥机构已调整"), std::string::npos);
  sdk::Review undated = keep;
  undated.date = {};
  EXPECT_EQ(s.addReview(undated, actor_).status().field(), "date");
}

TEST_F(PlanServiceTest, FilingIsNotBeforeTheIssueDate) {
  service::PlanService s(*db_, registry_);
  sdk::Filing f;
  f.plan_id = plan_;
  f.target_body = "新密市应急管理局";
  f.submitted = sdk::Date{2023, 2, 1};
  EXPECT_EQ(s.addFiling(f, actor_).status().field(), "submitted");
  f.submitted = sdk::Date{2023, 3, 10};
  auto ok = s.addFiling(f, actor_);
  ASSERT_TRUE(ok.isOk()) << ok.status().describe();
  f.target_body.clear();
  EXPECT_EQ(s.addFiling(f, actor_).status().field(), "target_body");
}

TEST_F(PlanServiceTest, PlanDefectActionFlagsThePlan) {
  service::PlanService s(*db_, registry_);
  store::CorrectiveAction a;
  a.description = "预案未明确转移路线";
  a.responsible_org_id = township_;
  a.plan_defect = true;
  EXPECT_EQ(s.addCorrectiveAction(a, actor_).status().field(), "plan_id");
  a.plan_id = plan_;
  a.responsible_org_id = 777;
  EXPECT_EQ(s.addCorrectiveAction(a, actor_).status().field(), "responsible_org_id");
  a.responsible_org_id = township_;
  ASSERT_TRUE(s.addCorrectiveAction(a, actor_).isOk());
  EXPECT_TRUE(store::PlanRepository(db_->session()).findById(plan_)->revision_required);
}

}  // namespace
}  // namespace beacon::testing
