// The fire-day checkpoint (11-09) met after the day is 逾期完成, and the late
// drill stays in its year: it never meets next year's checkpoint too.
#include "fire/fire_rules.h"

#include <gtest/gtest.h>

#include "beacon/sdk/testing/rule_harness.h"

namespace beacon::test {
using namespace beacon::sdk::testing;  // the SDK's rule-test kit (sdk/testing)
namespace {

TEST(FireDayMetLateTest, DrillAfterTheFireDayIsMetLateInItsYearOnly) {
  plugins::fire::FireRules rules;
  RuleHarness h;
  const auto town = h.org(sdk::OrgKind::Township);
  h.drill("fire", "fire.evacuation", town, "2024-11-10");  // the day after
  EXPECT_EQ(h.status(rules, "2024-11-09", "fire.fire_day", town), "due_soon");
  EXPECT_EQ(h.status(rules, "2024-11-10", "fire.fire_day", town), "met_late");
  EXPECT_EQ(h.status(rules, "2024-12-31", "fire.fire_day", town), "met_late");
  h.parameters.set("rules.fire.fire_day_window_months", "12");
  EXPECT_EQ(h.status(rules, "2025-11-10", "fire.fire_day", town), "overdue");
}

TEST(FireDayMetLateTest, AnOnTimeDrillIsNotHiddenByANewerLateOne) {
  plugins::fire::FireRules rules;
  RuleHarness h;
  const auto town = h.org(sdk::OrgKind::Township);
  h.drill("fire", "fire.evacuation", town, "2024-11-09");
  h.drill("fire", "fire.evacuation", town, "2024-11-20");
  EXPECT_EQ(h.status(rules, "2024-12-01", "fire.fire_day", town), "met");
}

}  // namespace
}  // namespace beacon::test
