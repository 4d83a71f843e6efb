// The forest-fire plugin answers sdk::PeriodCalendar: the 森林防火期 a day
// lies in, across the new year, on both sides of each end.
#include "forest_fire/plugin.h"

#include <gtest/gtest.h>

#include "beacon/sdk/testing/rule_harness.h"

namespace beacon::test {
using namespace beacon::sdk::testing;  // the SDK's rule-test kit (sdk/testing)
namespace {

TEST(ForestFirePeriodCalendarTest, DaysInsideAndOutsideThePeriod) {
  plugins::forest_fire::ForestFirePlugin plugin;
  const sdk::PeriodCalendar& calendar = plugin;
  FakeRuleParameters params;
  const struct {
    const char* day;
    const char* start;  // null: outside every period
  } cases[] = {{"2023-10-31", nullptr},      {"2023-11-01", "2023-11-01"},
               {"2024-01-01", "2023-11-01"}, {"2024-04-30", "2023-11-01"},
               {"2024-05-01", nullptr},      {"2024-11-01", "2024-11-01"}};
  for (const auto& c : cases) {
    std::vector<sdk::DutyPeriod> out;
    ASSERT_TRUE(calendar.periodsContaining(day(c.day), params, out).isOk()) << c.day;
    if (!c.start) {
      EXPECT_TRUE(out.empty()) << c.day;
      continue;
    }
    ASSERT_EQ(out.size(), 1u) << c.day;
    EXPECT_EQ(out[0].start.toString(), c.start) << c.day;
    EXPECT_EQ(out[0].end, day(c.start).addMonths(6).addDays(-1)) << c.day;
    EXPECT_EQ(sdk::insideLabel(out[0], false), "森林防火期内");
    EXPECT_NE(out[0].citation.find("第二十二条"), std::string::npos);
  }
}

TEST(ForestFirePeriodCalendarTest, BadParameterIsAStatusNamingTheKeyAndAppendsNothing) {
  plugins::forest_fire::ForestFirePlugin plugin;
  FakeRuleParameters params;
  params.set("rules.forest_fire.period_start", "13-01");
  std::vector<sdk::DutyPeriod> out;
  const sdk::Status s = plugin.periodsContaining(day("2024-01-01"), params, out);
  EXPECT_FALSE(s.isOk());
  EXPECT_EQ(s.field(), "rules.forest_fire.period_start");
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace beacon::test
