// The flood plugin answers sdk::PeriodCalendar: the 汛期 a day lies in, on
// both sides of each end, with the deployment's per-year dates.
#include "flood/plugin.h"

#include <gtest/gtest.h>

#include "beacon/sdk/testing/rule_harness.h"

namespace beacon::test {
using namespace beacon::sdk::testing;  // the SDK's rule-test kit (sdk/testing)
namespace {

TEST(FloodPeriodCalendarTest, DaysInsideAndOutsideTheSeason) {
  plugins::flood::FloodPlugin plugin;
  const sdk::PeriodCalendar& calendar = plugin;
  FakeRuleParameters params;
  const struct {
    const char* day;
    bool inside;
  } cases[] = {
      {"2024-05-14", false}, {"2024-05-15", true}, {"2024-09-30", true}, {"2024-10-01", false}};
  for (const auto& c : cases) {
    std::vector<sdk::DutyPeriod> out;
    ASSERT_TRUE(calendar.periodsContaining(day(c.day), params, out).isOk()) << c.day;
    ASSERT_EQ(out.size(), c.inside ? 1u : 0u) << c.day;
    if (!c.inside) continue;
    EXPECT_EQ(out[0].id, "flood.season");
    EXPECT_EQ(out[0].start.toString(), "2024-05-15");
    EXPECT_EQ(out[0].end.toString(), "2024-09-30");
    EXPECT_EQ(sdk::insideLabel(out[0], false), "汛期内");
  }
  params.set("rules.flood.season_end.2024", "10-15");
  std::vector<sdk::DutyPeriod> extended;
  ASSERT_TRUE(calendar.periodsContaining(day("2024-10-01"), params, extended).isOk());
  ASSERT_EQ(extended.size(), 1u);
  EXPECT_EQ(extended[0].end.toString(), "2024-10-15");
}

}  // namespace
}  // namespace beacon::test
