#include "enterprise_safety/enterprise_safety_rules.h"

#include <gtest/gtest.h>

#include "beacon/sdk/testing/rule_harness.h"
#include "rules/citation_text.h"

namespace beacon::test {
using namespace beacon::sdk::testing;  // the SDK's rule-test kit (sdk/testing)
namespace {

using sdk::OrgKind;
namespace category = sdk::category;

const char* kAnnual = "enterprise_safety.annual_drill";
const char* kOnSite = "enterprise_safety.on_site_plan_drill";
const char* kKeyDrill = "enterprise_safety.key_unit_drill";
const char* kKeyReport = "enterprise_safety.key_unit_report";
const char* kHazard = "enterprise_safety.major_hazard_drill";
const char* kEval = "enterprise_safety.plan_evaluation";
const char* kReview = "enterprise_safety.plan_review";
const char* kFiling = "enterprise_safety.plan_filing";
const char* kGov = "enterprise_safety.government_drill";
const char* kHazardSpecial = "enterprise_safety.major_hazard_special_drill";
const char* kHazardOnSite = "enterprise_safety.major_hazard_on_site_drill";

const char* kDomain = "enterprise_safety";

class EnterpriseSafetyRulesTest : public ::testing::Test {
 protected:
  plugins::enterprise_safety::EnterpriseSafetyRules rules_;
  RuleHarness h_;
};

TEST_F(EnterpriseSafetyRulesTest, EveryRuleIsDocumentedLaw) {
  const auto rules = rules_.rules();
  EXPECT_EQ(rules.size(), 11u);
  for (const auto& r : rules) {
    EXPECT_EQ(r.id.rfind("enterprise_safety.", 0), 0u) << r.id;
    EXPECT_FALSE(r.title_zh.empty() || r.title_en.empty() || r.citation.empty()) << r.id;
    EXPECT_EQ(r.basis, sdk::RuleBasis::Law) << r.id;
  }
}

TEST_F(EnterpriseSafetyRulesTest, AnnualComprehensiveOrSpecialDrillPerCalendarYear) {
  h_.due_soon_days = 0;
  const auto firm = h_.org(OrgKind::Enterprise);
  EXPECT_EQ(h_.status(rules_, "2024-12-30", kAnnual, firm), "upcoming");
  EXPECT_EQ(h_.status(rules_, "2024-12-31", kAnnual, firm), "due_soon");
  h_.drill(kDomain, "enterprise_safety.on_site", firm, "2024-03-01");  // does not count
  EXPECT_EQ(h_.status(rules_, "2024-12-31", kAnnual, firm), "due_soon");
  h_.drill(kDomain, "enterprise_safety.special", firm, "2023-12-31");  // last year
  EXPECT_EQ(h_.status(rules_, "2024-12-31", kAnnual, firm), "due_soon");
  EXPECT_EQ(h_.status(rules_, "2023-12-31", kAnnual, firm), "met");
  h_.drill(kDomain, "enterprise_safety.comprehensive", firm, "2024-01-01");
  EXPECT_EQ(h_.status(rules_, "2024-12-31", kAnnual, firm), "met");
  EXPECT_EQ(h_.status(rules_, "2025-01-01", kAnnual, firm), "upcoming");  // a new year
  EXPECT_EQ(h_.count(rules_, "2024-06-01", kAnnual, h_.org(OrgKind::Institution)), 0u);
}

TEST_F(EnterpriseSafetyRulesTest, TabletopCountsForTheYearOnlyWhenItNamesAMainPlan) {
  const auto firm = h_.org(OrgKind::Enterprise);
  const auto on_site = h_.plan(kDomain, category::kOnSite, firm, "2023-01-10");
  const auto comprehensive = h_.plan(kDomain, category::kComprehensive, firm, "2023-01-10");
  h_.drill(kDomain, "enterprise_safety.tabletop", firm, "2024-03-01", on_site);
  EXPECT_NE(h_.status(rules_, "2024-06-01", kAnnual, firm), "met");
  h_.drill(kDomain, "enterprise_safety.tabletop", firm, "2024-03-02", comprehensive);
  EXPECT_EQ(h_.status(rules_, "2024-06-01", kAnnual, firm), "met");
}

TEST_F(EnterpriseSafetyRulesTest, EachOnSitePlanEverySixMonths) {
  h_.due_soon_days = 0;
  const auto firm = h_.org(OrgKind::Enterprise);
  const auto a = h_.plan(kDomain, category::kOnSite, firm, "2022-05-01");
  const auto b = h_.plan(kDomain, category::kOnSite, firm, "2022-05-01");
  h_.drill(kDomain, "enterprise_safety.on_site", firm, "2023-08-31", a);
  // met_late: the first cycle from tracking start (2023-01-01) was due 2023-07-01.
  const StatusCase cases[] = {{"2024-02-28", "met_late"}, {"2024-02-29", "due_soon"}, {"2024-03-01", "overdue"}};
  for (const auto& c : cases) EXPECT_EQ(h_.status(rules_, c.as_of, kOnSite, firm, a), c.expected) << c.as_of;
  EXPECT_EQ(h_.find(rules_, "2024-01-01", kOnSite, firm, a).due.toString(), "2024-02-29");  // leap day
  // Plan b was never drilled; a drill of plan a does not count for it. Tracking starts 2023-01-01.
  EXPECT_EQ(h_.find(rules_, "2023-03-01", kOnSite, firm, b).due.toString(), "2023-07-01");
  EXPECT_EQ(h_.status(rules_, "2023-07-02", kOnSite, firm, b), "overdue");
  // A drill that names no plan counts for neither.
  h_.drill(kDomain, "enterprise_safety.on_site", firm, "2023-07-01");
  EXPECT_EQ(h_.status(rules_, "2023-07-02", kOnSite, firm, b), "overdue");
}

TEST_F(EnterpriseSafetyRulesTest, OnSitePlanIssuedAfterTrackingStartRunsFromItsIssue) {
  const auto firm = h_.org(OrgKind::Enterprise);
  const auto plan = h_.plan(kDomain, category::kOnSite, firm, "2024-03-15");
  EXPECT_EQ(h_.find(rules_, "2024-04-01", kOnSite, firm, plan).due.toString(), "2024-09-15");
  const auto draft = h_.plan(kDomain, category::kOnSite, firm, nullptr, sdk::PlanStatus::Drafting);
  EXPECT_EQ(h_.status(rules_, "2024-04-01", kOnSite, firm, draft), "not_applicable");
  const auto gone = h_.plan(kDomain, category::kOnSite, firm, "2020-01-01", sdk::PlanStatus::Abolished);
  EXPECT_EQ(h_.count(rules_, "2024-04-01", kOnSite, firm, gone), 0u);
}

TEST_F(EnterpriseSafetyRulesTest, KeyUnitDrillAndReportEverySixMonths) {
  h_.due_soon_days = 0;
  const auto firm = h_.org(OrgKind::Enterprise, {{"enterprise_safety.key_unit_cond8", "1"}});
  h_.drill(kDomain, "enterprise_safety.on_site", firm, "2024-01-31", 0, {{"reported_to_county", "0"}});
  // met_late: the first cycle from tracking start was due 2023-07-01.
  const StatusCase drill_cases[] = {
      {"2024-07-30", "met_late"}, {"2024-07-31", "due_soon"}, {"2024-08-01", "overdue"}};
  for (const auto& c : drill_cases) EXPECT_EQ(h_.status(rules_, c.as_of, kKeyDrill, firm), c.expected) << c.as_of;
  // The drill was not reported, so the report duty still runs from tracking start (due 2023-07-01).
  EXPECT_EQ(h_.status(rules_, "2024-07-30", kKeyReport, firm), "overdue");
  auto report = h_.find(rules_, "2024-07-30", kKeyReport, firm);
  EXPECT_EQ(report.kind, sdk::ObligationKind::Report);
  EXPECT_FALSE(report.last_met.isSet());
  h_.drill(kDomain, "enterprise_safety.special", firm, "2024-02-10", 0,
           {{"reported_to_county", "1"}, {"reported_date", "2024-02-12"}});
  EXPECT_EQ(h_.status(rules_, "2024-07-30", kKeyReport, firm), "met_late");
  EXPECT_EQ(h_.find(rules_, "2024-07-30", kKeyReport, firm).due.toString(), "2024-08-10");
  EXPECT_EQ(h_.count(rules_, "2024-07-30", kKeyDrill, h_.org(OrgKind::Enterprise)), 0u);
}

TEST_F(EnterpriseSafetyRulesTest, MajorHazardSourceEverySixMonthsAndOverride) {
  const auto firm = h_.org(OrgKind::Enterprise, {{"enterprise_safety.major_hazard_source", "1"}});
  h_.drill(kDomain, "enterprise_safety.special", firm, "2024-01-10");
  EXPECT_EQ(h_.status(rules_, "2024-07-11", kHazard, firm), "overdue");
  EXPECT_NE(h_.find(rules_, "2024-07-11", kHazard, firm).citation.find("第二十三条"), std::string::npos);
  h_.parameters.set("rules.enterprise_safety.major_hazard_interval_months", "12");
  EXPECT_EQ(h_.status(rules_, "2024-07-11", kHazard, firm), "met_late");  // 12 months from 2023-01-01
}

// 原总局令第40号 第二十一条第一款: the hazard's 专项应急预案 every year, its 现场处置方案 every half-year.
TEST_F(EnterpriseSafetyRulesTest, MajorHazardSpecialPlanYearlyAndOnSitePlanHalfYearly) {
  h_.due_soon_days = 0;
  const auto firm = h_.org(OrgKind::Enterprise, {{"enterprise_safety.major_hazard_source", "1"}});
  const auto special = h_.plan(kDomain, category::kSpecial, firm, "2022-01-10");
  h_.drill(kDomain, "enterprise_safety.on_site", firm, "2024-01-10");  // an on-site drill only
  // The first drill came after the first cycle's due date (counted from the tracking start): met late.
  EXPECT_EQ(h_.status(rules_, "2024-07-09", kHazardOnSite, firm), "met_late");
  EXPECT_EQ(h_.find(rules_, "2024-07-09", kHazardOnSite, firm).due.toString(), "2024-07-10");
  EXPECT_EQ(h_.status(rules_, "2024-07-11", kHazardOnSite, firm), "overdue");
  EXPECT_EQ(h_.find(rules_, "2024-03-01", kHazardSpecial, firm).due.toString(), "2024-01-01");  // from tracking start
  EXPECT_EQ(h_.status(rules_, "2024-03-01", kHazardSpecial, firm), "overdue");
  h_.drill(kDomain, "enterprise_safety.tabletop", firm, "2024-03-05", special);  // names the special plan
  EXPECT_EQ(h_.status(rules_, "2025-03-04", kHazardSpecial, firm), "met_late");  // due 2024-01-01
  EXPECT_EQ(h_.status(rules_, "2025-03-06", kHazardSpecial, firm), "overdue");
  EXPECT_EQ(h_.status(rules_, "2024-07-11", kHazardOnSite, firm), "overdue");  // a special drill is not on-site
  const auto rule = h_.find(rules_, "2024-03-01", kHazardSpecial, firm);
  EXPECT_NE(rule.citation.find("总局令第40号"), std::string::npos);
  EXPECT_NE(rule.citation.find("第二十一条"), std::string::npos);
  h_.parameters.set("rules.enterprise_safety.major_hazard_on_site_interval_months", "12");
  EXPECT_EQ(h_.status(rules_, "2024-07-11", kHazardOnSite, firm), "met_late");  // due 2024-01-01
  EXPECT_EQ(h_.count(rules_, "2024-03-01", kHazardSpecial, h_.org(OrgKind::Enterprise)), 0u);
}

// The per-plan reading comes from another province's reply: users see a clean citation, the note says so.
TEST_F(EnterpriseSafetyRulesTest, UsersSeeNoOtherProvincesAuthorityInTheCitation) {
  for (const auto& r : rules_.rules()) {
    const auto c = rules::userCitation(r.citation);
    EXPECT_EQ(c.text.find("江苏"), std::string::npos) << r.id << ": " << c.text;
    EXPECT_EQ(c.text.find('('), std::string::npos) << r.id << ": " << c.text;
    if (r.id == kOnSite) {
      EXPECT_NE(c.note.find("江苏省应急管理厅"), std::string::npos) << c.note;
    }
  }
}

TEST_F(EnterpriseSafetyRulesTest, EvaluationEveryThirtySixMonths) {
  h_.due_soon_days = 0;
  const auto firm = h_.org(OrgKind::Enterprise, {{"enterprise_safety.eval_3yr", "1"}});
  const auto plan = h_.plan(kDomain, category::kComprehensive, firm, "2020-06-01");
  sdk::Review r;
  r.plan_id = plan;
  r.kind = sdk::ReviewKind::Evaluation;
  r.date = day("2021-02-28");
  h_.records.add(r);
  sdk::Review review_only = r;
  review_only.kind = sdk::ReviewKind::Review;  // a 评审 is not an evaluation
  review_only.date = day("2023-06-01");
  h_.records.add(review_only);
  const StatusCase cases[] = {{"2024-02-27", "met"}, {"2024-02-28", "due_soon"}, {"2024-02-29", "overdue"}};
  for (const auto& c : cases) EXPECT_EQ(h_.status(rules_, c.as_of, kEval, firm, plan), c.expected) << c.as_of;
  auto o = h_.find(rules_, "2024-02-29", kEval, firm, plan);
  EXPECT_EQ(o.kind, sdk::ObligationKind::Evaluation);
  EXPECT_EQ(o.last_met.kind, "review");
  h_.parameters.set("rules.enterprise_safety.eval_interval_months", "48");
  EXPECT_EQ(h_.status(rules_, "2024-02-29", kEval, firm, plan), "met");
}

TEST_F(EnterpriseSafetyRulesTest, PlanReviewBeforeIssue) {
  const auto firm = h_.org(OrgKind::Enterprise, {{"enterprise_safety.review_required", "1"}});
  const auto plan = h_.plan(kDomain, category::kComprehensive, firm, "2024-03-01");
  EXPECT_EQ(h_.status(rules_, "2024-03-02", kReview, firm, plan), "overdue");
  sdk::Review r;
  r.plan_id = plan;
  r.kind = sdk::ReviewKind::Review;
  r.date = day("2024-02-20");
  h_.records.add(r);
  EXPECT_EQ(h_.status(rules_, "2024-03-02", kReview, firm, plan), "met");
  // A revision needs its own review: the old one predates the previous issue.
  h_.revise(plan, 2, "2025-01-10");
  EXPECT_EQ(h_.status(rules_, "2025-01-11", kReview, firm, plan), "overdue");
  sdk::Review late;
  late.plan_id = plan;
  late.plan_version_id = h_.versionId(plan, 2);
  late.kind = sdk::ReviewKind::Review;
  late.date = day("2025-01-15");
  h_.records.add(late);
  EXPECT_EQ(h_.status(rules_, "2025-01-14", kReview, firm, plan), "overdue");  // not yet recorded then
  EXPECT_EQ(h_.status(rules_, "2025-01-15", kReview, firm, plan), "met_late");  // reviewed after issue
  EXPECT_EQ(h_.count(rules_, "2025-01-15", kReview, h_.org(OrgKind::Enterprise), plan), 0u);
}

TEST_F(EnterpriseSafetyRulesTest, FilingWithinTwentyWorkingDays) {
  h_.due_soon_days = 0;
  const auto firm = h_.org(OrgKind::Enterprise, {{"enterprise_safety.filing_required", "1"}});
  // Issued Friday 2024-03-01; 20 working days later is Friday 2024-03-29.
  const auto plan = h_.plan(kDomain, category::kComprehensive, firm, "2024-03-01");
  EXPECT_EQ(h_.find(rules_, "2024-03-05", kFiling, firm, plan).due.toString(), "2024-03-29");
  const StatusCase cases[] = {{"2024-03-28", "upcoming"}, {"2024-03-29", "due_soon"}, {"2024-03-30", "overdue"}};
  for (const auto& c : cases) EXPECT_EQ(h_.status(rules_, c.as_of, kFiling, firm, plan), c.expected) << c.as_of;
  // A holiday in between moves the deadline by one working day.
  h_.calendar.addHoliday(day("2024-03-15"));
  EXPECT_EQ(h_.find(rules_, "2024-03-05", kFiling, firm, plan).due.toString(), "2024-04-01");
  sdk::Filing f;
  f.plan_id = plan;
  f.plan_version_id = h_.versionId(plan, 1);
  f.submitted = day("2024-03-20");
  h_.records.add(f);
  EXPECT_EQ(h_.status(rules_, "2024-03-19", kFiling, firm, plan), "upcoming");
  auto o = h_.find(rules_, "2024-04-10", kFiling, firm, plan);
  EXPECT_EQ(sdk::statusOf(o, day("2024-04-10"), 0), sdk::ObligationStatus::Met);
  EXPECT_EQ(o.last_met.kind, "filing");
  EXPECT_EQ(o.kind, sdk::ObligationKind::Filing);
}

TEST_F(EnterpriseSafetyRulesTest, FilingDeadlineOverrideAndCalendarError) {
  const auto firm = h_.org(OrgKind::Enterprise, {{"enterprise_safety.filing_required", "1"}});
  h_.plan(kDomain, category::kOnSite, firm, "2030-12-20");
  std::vector<sdk::Obligation> out;
  sdk::Status s = h_.evaluate(rules_, day("2031-01-05"), out);  // the deadline falls in 2031: no calendar data
  ASSERT_FALSE(s.isOk());
  EXPECT_NE(s.message().find("2031"), std::string::npos) << s.describe();
  EXPECT_NE(s.message().find("plan_filing"), std::string::npos) << s.describe();
  EXPECT_TRUE(out.empty());
  h_.parameters.set("rules.enterprise_safety.filing_working_days", "5");
  out.clear();
  EXPECT_TRUE(h_.evaluate(rules_, day("2031-01-05"), out).isOk());
}

TEST_F(EnterpriseSafetyRulesTest, FilingOfVersionIssuedBeforeTrackingStartIsNotApplicable) {
  const auto firm = h_.org(OrgKind::Enterprise, {{"enterprise_safety.filing_required", "1"}});
  const auto plan = h_.plan(kDomain, category::kOnSite, firm, "2021-03-01");  // no calendar data for 2021
  std::vector<sdk::Obligation> out;
  ASSERT_TRUE(h_.evaluate(rules_, day("2023-12-31"), out).isOk());
  EXPECT_EQ(h_.status(rules_, "2023-12-31", "enterprise_safety.plan_filing", firm, plan), "not_applicable");
}

TEST_F(EnterpriseSafetyRulesTest, GovernmentPlansEveryTwentyFourMonths) {
  h_.due_soon_days = 0;
  const auto township = h_.org(OrgKind::Township);
  const auto dept = h_.org(OrgKind::Department);
  const auto firm = h_.org(OrgKind::Enterprise);
  const auto town_plan = h_.plan(kDomain, category::kGrassroots, township, "2021-01-01");
  const auto dept_plan = h_.plan(kDomain, category::kDepartment, dept, "2023-09-01");
  const auto firm_plan = h_.plan(kDomain, category::kComprehensive, firm, "2021-01-01");
  h_.drill(kDomain, "enterprise_safety.comprehensive", township, "2022-02-28", town_plan);
  const StatusCase cases[] = {{"2024-02-27", "met"}, {"2024-02-28", "due_soon"}, {"2024-02-29", "overdue"}};
  for (const auto& c : cases) EXPECT_EQ(h_.status(rules_, c.as_of, kGov, township, town_plan), c.expected) << c.as_of;
  EXPECT_EQ(h_.find(rules_, "2024-01-01", kGov, dept, dept_plan).due.toString(), "2025-09-01");
  EXPECT_EQ(h_.count(rules_, "2024-01-01", kGov, firm, firm_plan), 0u);
  h_.parameters.set("rules.enterprise_safety.government_drill_interval_months", "36");
  EXPECT_EQ(h_.status(rules_, "2024-02-29", kGov, township, town_plan), "met");
}

TEST_F(EnterpriseSafetyRulesTest, LooksBackOnlyAsFarAsNeeded) {
  h_.org(OrgKind::Enterprise);
  h_.parameters.set("rules.tracking_start", "2025-01-01");
  h_.obligations(rules_, "2026-08-01");
  EXPECT_EQ(h_.records.earliestDrillQuery().toString(), "2024-08-01");  // 24 months back
}

TEST_F(EnterpriseSafetyRulesTest, BadParametersFailNamingTheKeyAndWriteNothing) {
  expectEachBadParameterRefused(rules_,
                                {{"rules.tracking_start", "someday"},
                                 {"rules.enterprise_safety.on_site_interval_months", "0"},
                                 {"rules.enterprise_safety.key_unit_interval_months", "-6"},
                                 {"rules.enterprise_safety.major_hazard_interval_months", "0"},
                                 {"rules.enterprise_safety.eval_interval_months", "0"},
                                 {"rules.enterprise_safety.government_drill_interval_months", "0"},
                                 {"rules.enterprise_safety.filing_working_days", "0"}},
                                OrgKind::Enterprise, {}, "2024-03-01");
}

}  // namespace
}  // namespace beacon::test
