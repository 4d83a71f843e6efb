#include "flood/flood_rules.h"

#include <gtest/gtest.h>

#include "beacon/sdk/testing/rule_harness.h"

namespace beacon::test {
using namespace beacon::sdk::testing;  // the SDK's rule-test kit (sdk/testing)
namespace {

using sdk::OrgKind;

const char* kPreseason = "flood.preseason_drill";
const char* kCityPlan = "flood.city_plan_preseason";

class FloodRulesTest : public ::testing::Test {
 protected:
  plugins::flood::FloodRules rules_;
  RuleHarness h_;
};

TEST_F(FloodRulesTest, EveryRuleIsDocumented) {
  for (const auto& r : rules_.rules()) {
    EXPECT_EQ(r.id.rfind("flood.", 0), 0u) << r.id;
    EXPECT_FALSE(r.title_zh.empty()) << r.id;
    EXPECT_FALSE(r.title_en.empty()) << r.id;
    EXPECT_NE(r.citation.find("第二十七条"), std::string::npos) << r.id;
    EXPECT_EQ(r.basis, sdk::RuleBasis::Policy) << r.id;
    EXPECT_NE(r.parameters.find("rules.flood.preseason_window_months"), std::string::npos) << r.id;
  }
}

TEST_F(FloodRulesTest, TownshipWithoutDrillAroundTheSeasonStart) {
  const auto town = h_.org(OrgKind::Township);
  const StatusCase cases[] = {
      {"2024-04-14", "upcoming"},  // 31 days before 05-15
      {"2024-04-15", "due_soon"},  // 30 days before
      {"2024-05-14", "due_soon"},  // the day before the season starts
      {"2024-05-15", "due_soon"},  // on the start: still due today
      {"2024-05-16", "overdue"},   // the day after
      {"2024-12-31", "overdue"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(h_.status(rules_, c.as_of, kPreseason, town), c.expected) << c.as_of;
  }
  auto o = h_.find(rules_, "2024-05-16", kPreseason, town);
  EXPECT_EQ(o.due.toString(), "2024-05-15");
  EXPECT_EQ(o.domain, "flood");
  EXPECT_EQ(o.kind, sdk::ObligationKind::Drill);
  EXPECT_EQ(o.basis, sdk::RuleBasis::Policy);
  EXPECT_FALSE(o.citation.empty());
  EXPECT_FALSE(o.title_zh.empty());
}

TEST_F(FloodRulesTest, DrillWindowBoundaries) {
  struct Case {
    const char* drill;
    const char* expected;  // as of 2024-05-16, the day after the 2024 season start
  };
  const Case cases[] = {
      {"2023-09-30", "overdue"},   // inside the 2023 season: that season's record
      {"2023-10-01", "met"},       // the first day after it opens the window (12 months would reach back further)
      {"2024-05-15", "met"},       // on the season start
      {"2024-05-16", "met_late"},  // late, done by as_of: 逾期完成
      {"2024-05-17", "overdue"},   // after as_of: not counted yet
  };
  for (const auto& c : cases) {
    RuleHarness h;
    const auto town = h.org(OrgKind::SubDistrict);
    h.drill("flood", "flood.evacuation", town, c.drill, 0, {{"hazard", "river"}});
    EXPECT_EQ(h.status(rules_, "2024-05-16", kPreseason, town), c.expected) << c.drill;
  }
}

TEST_F(FloodRulesTest, WindowPolicyOverrideChangesTheOutcome) {
  const auto town = h_.org(OrgKind::Township);
  h_.drill("flood", "flood.comprehensive", town, "2023-11-01");
  EXPECT_EQ(h_.status(rules_, "2024-05-16", kPreseason, town), "met");
  h_.parameters.set("rules.flood.preseason_window_months", "3");
  EXPECT_EQ(h_.status(rules_, "2024-05-16", kPreseason, town), "overdue");
  h_.drill("flood", "flood.tabletop", town, "2024-02-15");  // exactly 3 months before
  EXPECT_EQ(h_.status(rules_, "2024-05-16", kPreseason, town), "met");
}

TEST_F(FloodRulesTest, PerYearSeasonOverrideMovesTheDeadline) {
  const auto town = h_.org(OrgKind::Township);
  h_.parameters.set("rules.flood.season_start.2024", "06-01");
  EXPECT_EQ(h_.status(rules_, "2024-05-20", kPreseason, town), "due_soon");
  EXPECT_EQ(h_.find(rules_, "2024-05-20", kPreseason, town).due.toString(), "2024-06-01");
  EXPECT_EQ(h_.status(rules_, "2024-06-02", kPreseason, town), "overdue");
  // Other years keep the law's date.
  EXPECT_EQ(h_.find(rules_, "2025-05-20", kPreseason, town).due.toString(), "2025-05-15");
  // A general override applies to every year without its own.
  h_.parameters.set("rules.flood.season_start", "05-01");
  EXPECT_EQ(h_.find(rules_, "2025-04-20", kPreseason, town).due.toString(), "2025-05-01");
  EXPECT_EQ(h_.find(rules_, "2024-04-20", kPreseason, town).due.toString(), "2024-06-01");
}

TEST_F(FloodRulesTest, LeapDaySeasonStartOnlyExistsInLeapYears) {
  const auto town = h_.org(OrgKind::Township);
  h_.parameters.set("rules.flood.season_start", "02-29");
  EXPECT_EQ(h_.find(rules_, "2024-02-01", kPreseason, town).due.toString(), "2024-02-29");
  std::vector<sdk::Obligation> out;
  sdk::Status s = h_.evaluate(rules_, day("2023-02-01"), out);
  EXPECT_FALSE(s.isOk());
  EXPECT_EQ(s.field(), "rules.flood.season_start");
  EXPECT_NE(s.message().find("2023"), std::string::npos);
  EXPECT_TRUE(out.empty());
}

TEST_F(FloodRulesTest, FlashFloodVillagesNeedALiveDrillOthersNone) {
  const auto zone_village = h_.org(OrgKind::Village, {{"flood.flash_flood_zone", "1"}});
  const auto zone_community = h_.org(OrgKind::Community, {{"flood.flash_flood_zone", "1"}});
  const auto plain_village = h_.org(OrgKind::Village, {{"flood.flash_flood_zone", "0"}});
  const auto unmarked_village = h_.org(OrgKind::Village);
  const auto enterprise = h_.org(OrgKind::Enterprise, {{"flood.flash_flood_zone", "1"}});
  h_.drill("flood", "flood.tabletop", zone_village, "2024-04-01");
  EXPECT_EQ(h_.status(rules_, "2024-05-16", kPreseason, zone_village), "overdue");
  h_.drill("flood", "flood.evacuation", zone_village, "2024-04-02", 0, {{"hazard", "flash_flood"}});
  EXPECT_EQ(h_.status(rules_, "2024-05-16", kPreseason, zone_village), "met");
  EXPECT_EQ(h_.status(rules_, "2024-05-16", kPreseason, zone_community), "overdue");
  EXPECT_EQ(h_.count(rules_, "2024-05-16", kPreseason, plain_village), 0u);
  EXPECT_EQ(h_.count(rules_, "2024-05-16", kPreseason, unmarked_village), 0u);
  EXPECT_EQ(h_.count(rules_, "2024-05-16", kPreseason, enterprise), 0u);
}

TEST_F(FloodRulesTest, ADrillOfAnotherOrganisationDoesNotCount) {
  const auto a = h_.org(OrgKind::Township);
  const auto b = h_.org(OrgKind::Township);
  h_.drill("flood", "flood.evacuation", b, "2024-04-01");
  EXPECT_EQ(h_.status(rules_, "2024-05-16", kPreseason, a), "overdue");
  EXPECT_EQ(h_.status(rules_, "2024-05-16", kPreseason, b), "met");
}

TEST_F(FloodRulesTest, LooksBackOnlyToTheWindowStart) {
  h_.org(OrgKind::Township);
  h_.obligations(rules_, "2024-08-01");
  EXPECT_EQ(h_.records.earliestDrillQuery().toString(), "2023-10-01");  // the day after the 2023 season
}

TEST_F(FloodRulesTest, CityFloodPlanMustBeRevisedEvaluatedOrDrilledBeforeTheSeason) {
  const auto city = h_.org(OrgKind::City);
  const auto plan = h_.plan("flood", sdk::category::kSpecial, city, "2021-03-01");
  EXPECT_EQ(h_.status(rules_, "2024-05-16", kCityPlan, city, plan), "overdue");
  auto o = h_.find(rules_, "2024-05-16", kCityPlan, city, plan);
  EXPECT_EQ(o.plan_id, plan);
  EXPECT_EQ(o.org_id, city);
  EXPECT_EQ(o.domain, "flood");

  h_.drill("flood", "flood.comprehensive", city, "2024-05-01");  // names no plan
  EXPECT_EQ(h_.status(rules_, "2024-05-16", kCityPlan, city, plan), "overdue");
  h_.drill("flood", "flood.comprehensive", city, "2024-05-02", plan);
  EXPECT_EQ(h_.status(rules_, "2024-05-16", kCityPlan, city, plan), "met");
}

TEST_F(FloodRulesTest, CityPlanMetByEvaluationOrRevision) {
  const auto city = h_.org(OrgKind::City);
  const auto evaluated = h_.plan("flood", sdk::category::kSpecial, city, "2021-03-01");
  const auto revised = h_.plan("flood", sdk::category::kSpecial, city, "2021-03-01");
  sdk::Review r;
  r.plan_id = evaluated;
  r.kind = sdk::ReviewKind::Evaluation;
  r.date = day("2024-03-10");
  h_.records.add(r);
  h_.revise(revised, 2, "2023-09-30");  // inside the 2023 season: that season's
  EXPECT_EQ(h_.status(rules_, "2024-05-16", kCityPlan, city, evaluated), "met");
  EXPECT_EQ(h_.status(rules_, "2024-05-16", kCityPlan, city, revised), "overdue");
  h_.revise(revised, 3, "2023-10-01");
  EXPECT_EQ(h_.status(rules_, "2024-05-16", kCityPlan, city, revised), "met");
}

TEST_F(FloodRulesTest, OnlyTheCitysLiveSpecialPlansAreChecked) {
  const auto city = h_.org(OrgKind::City);
  const auto dept = h_.org(OrgKind::Department);
  const auto abolished = h_.plan("flood", sdk::category::kSpecial, city, "2021-03-01", sdk::PlanStatus::Abolished);
  const auto department = h_.plan("flood", sdk::category::kDepartment, dept, "2021-03-01");
  const auto dept_special = h_.plan("flood", sdk::category::kSpecial, dept, "2021-03-01");
  EXPECT_EQ(h_.count(rules_, "2024-05-16", kCityPlan, city, abolished), 0u);
  EXPECT_EQ(h_.count(rules_, "2024-05-16", kCityPlan, dept, department), 0u);
  EXPECT_EQ(h_.count(rules_, "2024-05-16", kCityPlan, dept, dept_special), 0u);
}

TEST_F(FloodRulesTest, BadParametersFailNamingTheKeyAndWriteNothing) {
  expectEachBadParameterRefused(rules_,
                                {{"rules.flood.season_start.2024", "5-15"},
                                 {"rules.flood.season_end.2024", "13-01"},
                                 {"rules.flood.season_end.2024", "05-01"},  // before the start
                                 {"rules.flood.preseason_window_months", "0"},
                                 {"rules.flood.preseason_window_months", "-2"}},
                                OrgKind::Township, {}, "2024-03-01");
}

}  // namespace
}  // namespace beacon::test
