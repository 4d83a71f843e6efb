// Plan versus actual: the matching rule of service/drill_plan_matcher.h.
#include "service/drill_plan_matcher.h"

#include <gtest/gtest.h>

namespace beacon::testing {
namespace {

store::DrillPlanItem item(sdk::RecordId id, const char* type, int month, sdk::RecordId plan = 0) {
  store::DrillPlanItem i;
  i.id = id;
  i.drill_type = type;
  i.domain = std::string(type).substr(0, std::string(type).find('.'));
  i.month = month;
  i.plan_id = plan;
  return i;
}

sdk::Drill drill(sdk::RecordId id, const char* type, const char* date, sdk::RecordId org = 7, sdk::RecordId plan = 0) {
  sdk::Drill d;
  d.id = id;
  d.drill_type = type;
  d.domain = std::string(type).substr(0, std::string(type).find('.'));
  d.date = *sdk::Date::parse(date);
  d.org_id = org;
  d.plan_id = plan;
  return d;
}

store::DrillPlan planOf(std::vector<store::DrillPlanItem> items) {
  store::DrillPlan p;
  p.id = 1;
  p.org_id = 7;
  p.year = 2024;
  p.items = std::move(items);
  return p;
}

TEST(DrillPlanMatcher, SameMonthFirstThenNearestOneDrillPerItem) {
  const auto plan = planOf({item(1, "flood.evacuation", 5), item(2, "flood.evacuation", 6),
                            item(3, "flood.evacuation", 9)});
  // A May and a July drill: May matches item 1 in its month; item 2 (June)
  // takes July (nearest); item 3 has nothing left.
  const auto p = service::matchDrillPlan(
      plan, {drill(10, "flood.evacuation", "2024-05-20"), drill(11, "flood.evacuation", "2024-07-02")},
      *sdk::Date::parse("2024-12-31"));
  EXPECT_EQ(p.items[0].drill_id, 10);
  EXPECT_TRUE(p.items[0].in_month);
  EXPECT_EQ(p.items[1].drill_id, 11);
  EXPECT_FALSE(p.items[1].in_month);
  EXPECT_EQ(p.items[2].drill_id, 0);
  EXPECT_TRUE(p.items[2].overdue);
  EXPECT_EQ(p.planned, 3);
  EXPECT_EQ(p.done, 2);
  EXPECT_EQ(p.done_in_month, 1);
  EXPECT_EQ(p.missing, 1);
  EXPECT_EQ(p.pending, 0);
  EXPECT_EQ(p.unplanned, 0);
}

TEST(DrillPlanMatcher, AnItemsOwnMonthWinsOverAnEarlierItemsNearestPick) {
  // Item 1 (April) must not take the June drill that item 2 (June) planned.
  const auto plan = planOf({item(1, "flood.evacuation", 4), item(2, "flood.evacuation", 6)});
  const auto p = service::matchDrillPlan(plan, {drill(10, "flood.evacuation", "2024-06-03")},
                                         *sdk::Date::parse("2024-12-31"));
  EXPECT_EQ(p.items[0].drill_id, 0);
  EXPECT_EQ(p.items[1].drill_id, 10);
  EXPECT_TRUE(p.items[1].in_month);
}

TEST(DrillPlanMatcher, TypePlanOrganisationYearAndAsOfMustFit) {
  const auto plan = planOf({item(1, "flood.evacuation", 5, 55), item(2, "flood.evacuation", 5)});
  const std::vector<sdk::Drill> drills = {
      drill(10, "flood.comprehensive", "2024-05-02"),               // other type
      drill(11, "flood.evacuation", "2024-05-03", 8),               // other organisation
      drill(12, "flood.evacuation", "2023-05-04"),                  // other year
      drill(13, "flood.evacuation", "2024-05-05"),                  // names no plan: item 2 only
      drill(14, "flood.evacuation", "2024-05-06", 7, 55),           // names plan 55: item 1
      drill(15, "flood.evacuation", "2024-05-30"),                  // after the as-of day
  };
  const auto p = service::matchDrillPlan(plan, drills, *sdk::Date::parse("2024-05-29"));
  EXPECT_EQ(p.items[0].drill_id, 14);
  EXPECT_EQ(p.items[1].drill_id, 13);
  EXPECT_EQ(p.unplanned, 1) << "the other type; other organisations, years and later days are not counted";
}

TEST(DrillPlanMatcher, MissingOnlyOnceThePlannedMonthIsOver) {
  const auto plan = planOf({item(1, "flood.evacuation", 5)});
  auto p = service::matchDrillPlan(plan, {}, *sdk::Date::parse("2024-05-31"));
  EXPECT_EQ(p.pending, 1);
  EXPECT_EQ(p.missing, 0);
  p = service::matchDrillPlan(plan, {}, *sdk::Date::parse("2024-06-01"));
  EXPECT_EQ(p.pending, 0);
  EXPECT_EQ(p.missing, 1);
}

}  // namespace
}  // namespace beacon::testing
