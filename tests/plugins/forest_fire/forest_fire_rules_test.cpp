#include "forest_fire/forest_fire_rules.h"

#include <gtest/gtest.h>

#include "beacon/sdk/testing/rule_harness.h"

namespace beacon::test {
using namespace beacon::sdk::testing;  // the SDK's rule-test kit (sdk/testing)
namespace {

using sdk::OrgKind;

const char* kRule = "forest_fire.predrill";

class ForestFireRulesTest : public ::testing::Test {
 protected:
  plugins::forest_fire::ForestFireRules rules_;
  RuleHarness h_;
};

TEST_F(ForestFireRulesTest, RuleIsDocumentedAsUnconfirmedPolicy) {
  const auto rules = rules_.rules();
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0].id, kRule);
  EXPECT_EQ(rules[0].basis, sdk::RuleBasis::Policy);
  EXPECT_NE(rules[0].citation.find("第二十二条"), std::string::npos);
  EXPECT_NE(rules[0].citation.find("未经确认"), std::string::npos);
  EXPECT_NE(rules[0].parameters.find("rules.forest_fire.predrill_window_months"), std::string::npos);
}

TEST_F(ForestFireRulesTest, DutyTownshipWithoutDrillAroundThePeriodStart) {
  const auto town = h_.org(OrgKind::Township, {{"forest_fire.forest_fire_duty", "1"}});
  const StatusCase cases[] = {
      {"2024-03-01", "overdue"},   // inside the 2023-24 period: that period's duty, still undone
      {"2024-05-01", "upcoming"},  // the first day after it
      {"2024-09-30", "upcoming"},  // 32 days before 11-01
      {"2024-10-02", "due_soon"},  // 30 days before
      {"2024-10-31", "due_soon"},  // the day before
      {"2024-11-01", "due_soon"},  // on the start
      {"2024-11-02", "overdue"},   // the day after
      {"2024-12-31", "overdue"},
      {"2025-01-01", "overdue"},   // a new year, still inside the 2024-25 period
      {"2025-04-30", "overdue"},   // the period's last day
      {"2025-05-01", "upcoming"},  // the day after: the next period's checkpoint
  };
  for (const auto& c : cases) EXPECT_EQ(h_.status(rules_, c.as_of, kRule, town), c.expected) << c.as_of;
  auto o = h_.find(rules_, "2024-11-02", kRule, town);
  EXPECT_EQ(o.due.toString(), "2024-11-01");
  EXPECT_EQ(o.domain, "forest_fire");
  EXPECT_EQ(o.kind, sdk::ObligationKind::Drill);
  EXPECT_NE(o.note.find("2025-04-30"), std::string::npos);
}

TEST_F(ForestFireRulesTest, WindowBoundariesAndPolicyOverride) {
  const struct {
    const char* drill;
    const char* expected;  // as of 2024-11-02
  } cases[] = {{"2024-04-30", "overdue"}, {"2024-05-01", "met"}, {"2024-11-01", "met"}, {"2024-11-03", "overdue"}};
  for (const auto& c : cases) {
    RuleHarness h;
    const auto town = h.org(OrgKind::SubDistrict, {{"forest_fire.forest_fire_duty", "1"}});
    h.drill("forest_fire", "forest_fire.suppression", town, c.drill);
    EXPECT_EQ(h.status(rules_, "2024-11-02", kRule, town), c.expected) << c.drill;
    // A longer window opens earlier, but never inside the period before (2024-04-30 is its last day).
    h.parameters.set("rules.forest_fire.predrill_window_months", "7");
    EXPECT_EQ(h.status(rules_, "2024-11-02", kRule, town), c.expected) << c.drill << ", 7 months";
  }
  RuleHarness h;
  const auto town = h.org(OrgKind::SubDistrict, {{"forest_fire.forest_fire_duty", "1"}});
  h.drill("forest_fire", "forest_fire.suppression", town, "2024-05-01");
  h.parameters.set("rules.forest_fire.predrill_window_months", "5");  // opens 2024-06-01
  EXPECT_EQ(h.status(rules_, "2024-11-02", kRule, town), "overdue");
}

TEST_F(ForestFireRulesTest, CountyEarlierStartMovesTheDeadline) {
  const auto town = h_.org(OrgKind::Township, {{"forest_fire.forest_fire_duty", "1"}});
  h_.drill("forest_fire", "forest_fire.tabletop", town, "2024-10-20");
  EXPECT_EQ(h_.status(rules_, "2024-10-25", kRule, town), "met");
  h_.parameters.set("rules.forest_fire.period_start.2024", "10-15");
  auto o = h_.find(rules_, "2024-10-25", kRule, town);
  EXPECT_EQ(o.due.toString(), "2024-10-15");
  EXPECT_EQ(h_.status(rules_, "2024-10-25", kRule, town), "met_late");  // a late drill meets it late
  EXPECT_EQ(h_.status(rules_, "2024-10-16", kRule, town), "overdue");
}

TEST_F(ForestFireRulesTest, OnlyDutyTownshipsAreCovered) {
  const auto no_duty = h_.org(OrgKind::Township, {{"forest_fire.forest_fire_duty", "0"}});
  const auto unmarked = h_.org(OrgKind::SubDistrict);
  const auto village = h_.org(OrgKind::Village, {{"forest_fire.forest_fire_duty", "1"}});
  const auto other = h_.org(OrgKind::Township, {{"forest_fire.forest_fire_duty", "1"}});
  for (auto id : {no_duty, unmarked, village}) EXPECT_EQ(h_.count(rules_, "2024-11-02", kRule, id), 0u) << id;
  h_.drill("forest_fire", "forest_fire.suppression", village, "2024-10-01");
  EXPECT_EQ(h_.status(rules_, "2024-11-02", kRule, other), "overdue");
}

TEST_F(ForestFireRulesTest, LooksBackOnlyToTheWindowStart) {
  h_.org(OrgKind::Township, {{"forest_fire.forest_fire_duty", "1"}});
  h_.obligations(rules_, "2024-12-01");
  EXPECT_EQ(h_.records.earliestDrillQuery().toString(), "2024-05-01");
}

TEST_F(ForestFireRulesTest, BadParametersFailNamingTheKeyAndWriteNothing) {
  expectEachBadParameterRefused(rules_,
                                {{"rules.forest_fire.predrill_window_months", "0"},
                                 {"rules.forest_fire.period_start.2024", "1101"},
                                 {"rules.forest_fire.period_end", "04-31"}},
                                OrgKind::Township, {{"forest_fire.forest_fire_duty", "1"}}, "2024-08-01");
}

}  // namespace
}  // namespace beacon::test
