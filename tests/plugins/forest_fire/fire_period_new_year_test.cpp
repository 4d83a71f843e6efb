// The forest-fire period crosses the new year: every day from 2023-10-25 to
// 2024-05-05 must see the period it lies in (or the next one), and a drill
// meets one period's duty only.
#include "forest_fire/forest_fire_rules.h"

#include <gtest/gtest.h>

#include <string>

#include "beacon/sdk/testing/rule_harness.h"

namespace beacon::test {
using namespace beacon::sdk::testing;  // the SDK's rule-test kit (sdk/testing)
namespace {

using sdk::OrgKind;

const char* kRule = "forest_fire.predrill";

struct Expected {
  std::string status;
  std::string due;
};

// As of `as_of`, what a township with `drill` (null: none) must show.
Expected expectedFor(const sdk::Date& as_of, const char* drill) {
  const bool next_period = as_of > day("2024-04-30");
  if (next_period) return {"upcoming", "2024-11-01"};  // no drill of 2023-24 counts for 2024-25
  const std::string due = "2023-11-01";
  if (drill && std::string(drill) <= "2023-11-01") return {"met", due};
  if (drill && day(drill) <= as_of) return {"met_late", due};
  return {as_of <= day(due.c_str()) ? "due_soon" : "overdue", due};
}

TEST(ForestFirePeriodNewYearTest, EveryDayFromOctoberToMaySeesItsPeriod) {
  plugins::forest_fire::ForestFireRules rules;
  const char* drills[] = {nullptr, "2023-10-01", "2023-12-15"};
  for (const char* drill : drills) {
    RuleHarness h;
    const auto town = h.org(OrgKind::Township, {{"forest_fire.forest_fire_duty", "1"}});
    if (drill) h.drill("forest_fire", "forest_fire.suppression", town, drill);
    int days = 0;
    for (sdk::Date as_of = day("2023-10-25"); as_of <= day("2024-05-05");
         as_of = as_of.addDays(1), ++days) {
      const std::string text = as_of.toString();
      const Expected want = expectedFor(as_of, drill);
      const auto o = h.find(rules, text.c_str(), kRule, town);
      EXPECT_EQ(h.status(rules, text.c_str(), kRule, town), want.status)
          << "as of " << text << ", drill " << (drill ? drill : "none");
      EXPECT_EQ(o.due.toString(), want.due)
          << "as of " << text << ", drill " << (drill ? drill : "none");
    }
    EXPECT_EQ(days, 194);
  }
}

TEST(ForestFirePeriodNewYearTest, NewYearsDayStillShowsTheOverduePeriodDuty) {
  plugins::forest_fire::ForestFireRules rules;
  RuleHarness h;
  const auto town = h.org(OrgKind::Township, {{"forest_fire.forest_fire_duty", "1"}});
  EXPECT_EQ(h.status(rules, "2023-12-31", kRule, town), "overdue");
  EXPECT_EQ(h.status(rules, "2024-01-01", kRule, town), "overdue");
  const auto o = h.find(rules, "2024-01-01", kRule, town);
  EXPECT_NE(o.note.find("2023-11-01 .. 2024-04-30"), std::string::npos) << o.note;
  EXPECT_EQ(h.status(rules, "2024-04-30", kRule, town), "overdue");   // the period's last day
  EXPECT_EQ(h.status(rules, "2024-05-01", kRule, town), "upcoming");  // the day after: next period
}

TEST(ForestFirePeriodNewYearTest, ADrillInsideThePeriodMeetsItLateAndNotTheNext) {
  plugins::forest_fire::ForestFireRules rules;
  RuleHarness h;
  const auto town = h.org(OrgKind::Township, {{"forest_fire.forest_fire_duty", "1"}});
  h.drill("forest_fire", "forest_fire.suppression", town, "2024-04-30");  // the period's last day
  EXPECT_EQ(h.status(rules, "2024-04-30", kRule, town), "met_late");
  EXPECT_EQ(h.status(rules, "2024-11-02", kRule, town), "overdue");
  // Even a window reaching back into the period does not take it for the next one.
  h.parameters.set("rules.forest_fire.predrill_window_months", "7");
  EXPECT_EQ(h.status(rules, "2024-11-02", kRule, town), "overdue");
  h.drill("forest_fire", "forest_fire.suppression", town, "2024-05-01");  // the first day after it
  EXPECT_EQ(h.status(rules, "2024-11-02", kRule, town), "met");
}

}  // namespace
}  // namespace beacon::test
