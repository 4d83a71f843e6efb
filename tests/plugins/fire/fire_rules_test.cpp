#include "fire/fire_rules.h"

#include <gtest/gtest.h>

#include "fire/fire_day.h"
#include "beacon/sdk/testing/rule_harness.h"

namespace beacon::test {
using namespace beacon::sdk::testing;  // the SDK's rule-test kit (sdk/testing)
namespace {

using sdk::OrgKind;

class FireRulesTest : public ::testing::Test {
 protected:
  plugins::fire::FireRules rules_;
  RuleHarness h_;
};

TEST_F(FireRulesTest, EveryRuleIsDocumented) {
  const auto rules = rules_.rules();
  EXPECT_EQ(rules.size(), 6u);
  for (const auto& r : rules) {
    EXPECT_EQ(r.id.rfind("fire.", 0), 0u) << r.id;
    EXPECT_FALSE(r.title_zh.empty() || r.title_en.empty() || r.citation.empty() || r.parameters.empty()) << r.id;
    const bool policy = r.id == "fire.village_drill" || r.id == "fire.fire_day";
    EXPECT_EQ(r.basis, policy ? sdk::RuleBasis::Policy : sdk::RuleBasis::Law) << r.id;
  }
}

TEST_F(FireRulesTest, KeyUnitEverySixMonthsBoundaries) {
  const auto unit = h_.org(OrgKind::Enterprise, {{"fire.key_fire_unit", "1"}});
  h_.drill("fire", "fire.evacuation", unit, "2024-01-15");
  const StatusCase cases[] = {
      {"2024-06-14", "met_late"},  // 31 days before 07-15; the first cycle was due 2023-07-01
      {"2024-06-15", "due_soon"},  // 30 days before
      {"2024-07-14", "due_soon"},  // the day before
      {"2024-07-15", "due_soon"},  // on the due day
      {"2024-07-16", "overdue"},   // the day after
  };
  for (const auto& c : cases) EXPECT_EQ(h_.status(rules_, c.as_of, "fire.key_unit_drill", unit), c.expected) << c.as_of;
  auto o = h_.find(rules_, "2024-07-16", "fire.key_unit_drill", unit);
  EXPECT_EQ(o.due.toString(), "2024-07-15");
  EXPECT_EQ(o.last_met.date.toString(), "2024-01-15");
  EXPECT_EQ(o.last_met.kind, "drill");
  EXPECT_EQ(o.domain, "fire");
  EXPECT_NE(o.citation.find("第四十条"), std::string::npos);
  EXPECT_EQ(o.basis, sdk::RuleBasis::Law);
}

TEST_F(FireRulesTest, IntervalEndingOnLeapDay) {
  h_.due_soon_days = 0;
  const auto unit = h_.org(OrgKind::Institution, {{"fire.key_fire_unit", "1"}});
  h_.drill("fire", "fire.tabletop", unit, "2023-08-31");
  EXPECT_EQ(h_.find(rules_, "2024-02-01", "fire.key_unit_drill", unit).due.toString(), "2024-02-29");
  // met_late: the first cycle from tracking start was due 2023-07-01.
  const StatusCase cases[] = {{"2024-02-28", "met_late"}, {"2024-02-29", "due_soon"}, {"2024-03-01", "overdue"}};
  for (const auto& c : cases) EXPECT_EQ(h_.status(rules_, c.as_of, "fire.key_unit_drill", unit), c.expected) << c.as_of;
}

TEST_F(FireRulesTest, OtherUnitsEveryTwelveMonths) {
  h_.due_soon_days = 0;
  const auto enterprise = h_.org(OrgKind::Enterprise);
  const auto department = h_.org(OrgKind::Department);
  h_.drill("fire", "fire.evacuation", enterprise, "2023-03-10");
  const StatusCase cases[] = {{"2024-03-09", "met"}, {"2024-03-10", "due_soon"}, {"2024-03-11", "overdue"}};
  for (const auto& c : cases) EXPECT_EQ(h_.status(rules_, c.as_of, "fire.unit_drill", enterprise), c.expected) << c.as_of;
  // No drill yet: the duty runs from rules.tracking_start (2023-01-01).
  EXPECT_EQ(h_.find(rules_, "2023-06-01", "fire.unit_drill", department).due.toString(), "2024-01-01");
  EXPECT_EQ(h_.status(rules_, "2023-06-01", "fire.unit_drill", department), "upcoming");
  EXPECT_EQ(h_.status(rules_, "2024-01-02", "fire.unit_drill", department), "overdue");
}

TEST_F(FireRulesTest, TrackingStartPolicyMovesTheFirstDeadline) {
  const auto unit = h_.org(OrgKind::Enterprise, {{"fire.key_fire_unit", "1"}});
  EXPECT_EQ(h_.status(rules_, "2024-01-10", "fire.key_unit_drill", unit), "overdue");  // due 2023-07-01
  h_.parameters.set("rules.tracking_start", "2024-01-01");
  EXPECT_EQ(h_.find(rules_, "2024-01-10", "fire.key_unit_drill", unit).due.toString(), "2024-07-01");
  EXPECT_EQ(h_.status(rules_, "2024-01-10", "fire.key_unit_drill", unit), "upcoming");
}

TEST_F(FireRulesTest, EachOrganisationGetsItsMostSpecificRule) {
  const auto school = h_.org(OrgKind::Institution, {{"fire.unit_kind", "school"}});
  const auto key_hospital = h_.org(OrgKind::Institution, {{"fire.unit_kind", "hospital"}, {"fire.key_fire_unit", "1"}});
  const auto estate = h_.org(OrgKind::Community, {{"fire.unit_kind", "property_community"}});
  const auto village = h_.org(OrgKind::Village);
  const auto mall = h_.org(OrgKind::Enterprise, {{"fire.unit_kind", "crowded_place"}, {"fire.key_fire_unit", "0"}});
  const auto township = h_.org(OrgKind::Township);
  const auto city = h_.org(OrgKind::City);
  const char* rules[] = {"fire.key_unit_drill", "fire.property_community_drill", "fire.institution_drill",
                         "fire.unit_drill", "fire.village_drill"};
  const struct {
    sdk::RecordId org;
    const char* rule;
  } cases[] = {{school, "fire.institution_drill"}, {key_hospital, "fire.key_unit_drill"},
               {estate, "fire.property_community_drill"}, {village, "fire.village_drill"},
               {mall, "fire.unit_drill"}, {township, nullptr}, {city, nullptr}};
  for (const auto& c : cases) {
    for (const char* r : rules) {
      const bool expected = c.rule && std::string(c.rule) == r;
      EXPECT_EQ(h_.count(rules_, "2024-03-01", r, c.org), expected ? 1u : 0u) << "org " << c.org << " " << r;
    }
  }
  auto o = h_.find(rules_, "2024-03-01", "fire.institution_drill", school);
  EXPECT_NE(o.citation.find("第三十七条"), std::string::npos);
  o = h_.find(rules_, "2024-03-01", "fire.property_community_drill", estate);
  EXPECT_NE(o.citation.find("第十七条"), std::string::npos);
}

TEST_F(FireRulesTest, VillagePolicyIntervalIsConfigurableAndCanBeDisabled) {
  const auto village = h_.org(OrgKind::Village);
  h_.drill("fire", "fire.evacuation", village, "2023-05-01");
  EXPECT_EQ(h_.status(rules_, "2024-05-02", "fire.village_drill", village), "overdue");
  EXPECT_EQ(h_.find(rules_, "2024-05-02", "fire.village_drill", village).basis, sdk::RuleBasis::Policy);
  h_.parameters.set("rules.fire.village_interval_months", "24");
  EXPECT_EQ(h_.status(rules_, "2024-05-02", "fire.village_drill", village), "met");
  EXPECT_EQ(h_.find(rules_, "2024-05-02", "fire.village_drill", village).due.toString(), "2025-05-01");
  h_.parameters.set("rules.fire.village_interval_months", "0");
  EXPECT_EQ(h_.count(rules_, "2024-05-02", "fire.village_drill", village), 0u);
}

TEST_F(FireRulesTest, FireDayCheckpointForTownships) {
  EXPECT_EQ(plugins::fire::henanFireDay(2024).toString(), "2024-11-09");
  const auto town = h_.org(OrgKind::Township);
  const StatusCase cases[] = {
      {"2024-10-09", "upcoming"},  // 31 days before 11-09
      {"2024-10-10", "due_soon"},
      {"2024-11-08", "due_soon"},
      {"2024-11-09", "due_soon"},
      {"2024-11-10", "overdue"},
      {"2025-01-05", "upcoming"},  // next year's fire day
  };
  for (const auto& c : cases) EXPECT_EQ(h_.status(rules_, c.as_of, "fire.fire_day", town), c.expected) << c.as_of;
  EXPECT_EQ(h_.count(rules_, "2024-11-10", "fire.fire_day", h_.org(OrgKind::Village)), 0u);
}

TEST_F(FireRulesTest, FireDayWindowBoundariesAndOverride) {
  const auto town = h_.org(OrgKind::SubDistrict);
  h_.drill("fire", "fire.evacuation", town, "2024-10-08");  // the day before the 1-month window
  EXPECT_EQ(h_.status(rules_, "2024-11-10", "fire.fire_day", town), "overdue");
  h_.parameters.set("rules.fire.fire_day_window_months", "2");
  EXPECT_EQ(h_.status(rules_, "2024-11-10", "fire.fire_day", town), "met");
  h_.parameters.set("rules.fire.fire_day_window_months", "1");
  h_.drill("fire", "fire.evacuation", town, "2024-10-09");  // the window's first day
  EXPECT_EQ(h_.status(rules_, "2024-11-10", "fire.fire_day", town), "met");
  h_.parameters.set("rules.fire.fire_day_window_months", "0");
  EXPECT_EQ(h_.count(rules_, "2024-11-10", "fire.fire_day", town), 0u);
}

TEST_F(FireRulesTest, DrillsOfOthersOrAfterAsOfDoNotCount) {
  const auto a = h_.org(OrgKind::Enterprise);
  const auto b = h_.org(OrgKind::Enterprise);
  h_.drill("fire", "fire.evacuation", b, "2024-02-01");
  h_.drill("fire", "fire.evacuation", a, "2024-02-02");
  EXPECT_EQ(h_.status(rules_, "2024-02-01", "fire.unit_drill", a), "overdue");  // due 2024-01-01
  EXPECT_EQ(h_.status(rules_, "2024-02-02", "fire.unit_drill", a), "met_late");  // a day after 2024-01-01
}

TEST_F(FireRulesTest, LooksBackOnlyAsFarAsNeeded) {
  h_.org(OrgKind::Enterprise);
  h_.parameters.set("rules.tracking_start", "2025-01-01");
  h_.obligations(rules_, "2025-06-01");
  EXPECT_EQ(h_.records.earliestDrillQuery().toString(), "2024-06-01");  // as_of minus the longest interval
}

TEST_F(FireRulesTest, BadParametersFailNamingTheKeyAndWriteNothing) {
  expectEachBadParameterRefused(rules_,
                                {{"rules.tracking_start", "2023/01/01"},
                                 {"rules.fire.key_unit_interval_months", "0"},
                                 {"rules.fire.unit_interval_months", "-12"},
                                 {"rules.fire.institution_interval_months", "5000"},
                                 {"rules.fire.property_community_interval_months", "0"},
                                 {"rules.fire.village_interval_months", "-1"},
                                 {"rules.fire.fire_day_window_months", "-1"}},
                                OrgKind::Enterprise, {}, "2024-03-01");
}

}  // namespace
}  // namespace beacon::test
