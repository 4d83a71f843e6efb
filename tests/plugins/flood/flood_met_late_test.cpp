// Late is not the same as on time: a drill (or review) inside the flood
// season meets that season's pre-season duty late (逾期完成), a drill after
// the season meets next year's duty only, and one record meets one
// season's duty only.
#include "flood/flood_rules.h"

#include <gtest/gtest.h>

#include "beacon/sdk/testing/rule_harness.h"

namespace beacon::test {
using namespace beacon::sdk::testing;  // the SDK's rule-test kit (sdk/testing)
namespace {

using sdk::OrgKind;

const char* kPreseason = "flood.preseason_drill";
const char* kCityPlan = "flood.city_plan_preseason";

class FloodMetLateTest : public ::testing::Test {
 protected:
  plugins::flood::FloodRules rules_;
  RuleHarness h_;
};

TEST_F(FloodMetLateTest, ADrillAfterTheSeasonDoesNotMeetTheOverdueDutyButNextYears) {
  const auto town = h_.org(OrgKind::Township);
  h_.drill("flood", "flood.comprehensive", town, "2023-10-10");
  EXPECT_EQ(h_.status(rules_, "2023-10-09", kPreseason, town), "overdue");
  EXPECT_EQ(h_.status(rules_, "2023-10-10", kPreseason, town), "overdue");  // the season is over
  EXPECT_EQ(h_.status(rules_, "2023-12-31", kPreseason, town), "overdue");
  EXPECT_EQ(h_.status(rules_, "2024-05-15", kPreseason, town), "met");  // next year's, on time
  EXPECT_EQ(h_.status(rules_, "2024-05-16", kPreseason, town), "met");
}

TEST_F(FloodMetLateTest, ADrillInsideTheSeasonMeetsThatSeasonLateAndNotTheNext) {
  const auto town = h_.org(OrgKind::Township);
  h_.drill("flood", "flood.comprehensive", town, "2023-06-01");
  EXPECT_EQ(h_.status(rules_, "2023-05-31", kPreseason, town), "overdue");
  EXPECT_EQ(h_.status(rules_, "2023-06-01", kPreseason, town), "met_late");
  EXPECT_EQ(h_.status(rules_, "2023-12-31", kPreseason, town), "met_late");
  EXPECT_EQ(h_.status(rules_, "2024-05-16", kPreseason, town), "overdue");
}

TEST_F(FloodMetLateTest, SeasonBoundariesOfALateDrill) {
  struct Case {
    const char* drill;
    const char* in_2023;  // as of 2023-12-31
    const char* in_2024;  // as of 2024-05-16
  } cases[] = {
      {"2022-09-30", "overdue", "overdue"},   // inside the 2022 season: that season's
      {"2022-10-01", "met", "overdue"},       // the first day after it: 2023's, on time
      {"2023-05-15", "met", "overdue"},       // on the season start: on time
      {"2023-05-16", "met_late", "overdue"},  // the day after: late
      {"2023-09-30", "met_late", "overdue"},  // the season's last day: still late for 2023
      {"2023-10-01", "overdue", "met"},       // after the season: 2024's only
  };
  for (const auto& c : cases) {
    RuleHarness h;
    const auto town = h.org(OrgKind::SubDistrict);
    h.drill("flood", "flood.tabletop", town, c.drill);
    EXPECT_EQ(h.status(rules_, "2023-12-31", kPreseason, town), c.in_2023) << c.drill;
    EXPECT_EQ(h.status(rules_, "2024-05-16", kPreseason, town), c.in_2024) << c.drill;
  }
}

TEST_F(FloodMetLateTest, AnOnTimeDrillIsNotHiddenByANewerLateOneOfTheSameType) {
  const auto town = h_.org(OrgKind::Township);
  h_.drill("flood", "flood.comprehensive", town, "2024-05-01");
  h_.drill("flood", "flood.comprehensive", town, "2024-07-01");
  EXPECT_EQ(h_.status(rules_, "2024-08-01", kPreseason, town), "met");
}

TEST_F(FloodMetLateTest, TheEarliestLateDrillCountsTheDaysLate) {
  const auto town = h_.org(OrgKind::Township);
  h_.drill("flood", "flood.comprehensive", town, "2024-07-01");
  h_.drill("flood", "flood.comprehensive", town, "2024-06-01");
  const auto o = h_.find(rules_, "2024-08-01", kPreseason, town);
  EXPECT_EQ(o.last_met.date.toString(), "2024-06-01");
  EXPECT_EQ(h_.status(rules_, "2024-08-01", kPreseason, town), "met_late");
}

TEST_F(FloodMetLateTest, CityPlanEvaluatedTwoMonthsLateIsMetLate) {
  const auto city = h_.org(OrgKind::City);
  const auto plan = h_.plan("flood", sdk::category::kSpecial, city, "2021-03-01");
  sdk::Review r;
  r.plan_id = plan;
  r.kind = sdk::ReviewKind::Evaluation;
  r.date = day("2024-07-15");
  h_.records.add(r);
  EXPECT_EQ(h_.status(rules_, "2024-07-14", kCityPlan, city, plan), "overdue");
  EXPECT_EQ(h_.status(rules_, "2024-07-15", kCityPlan, city, plan), "met_late");
  EXPECT_EQ(h_.status(rules_, "2025-05-16", kCityPlan, city, plan), "overdue");  // not next year's
}

}  // namespace
}  // namespace beacon::test
