#include "flood/season.h"

#include <gtest/gtest.h>

#include "beacon/sdk/testing/rule_harness.h"

namespace beacon::test {
using namespace beacon::sdk::testing;  // the SDK's rule-test kit (sdk/testing)
namespace {

using plugins::flood::floodSeason;
using plugins::flood::isInFloodSeason;

TEST(FloodSeasonTest, HenanDefaultIsMay15ToSeptember30) {
  FakeRuleParameters params;
  auto s = floodSeason(2024, params);
  ASSERT_TRUE(s.isOk());
  EXPECT_EQ(s.value().start.toString(), "2024-05-15");
  EXPECT_EQ(s.value().end.toString(), "2024-09-30");
  const struct {
    const char* day;
    bool in;
  } cases[] = {{"2024-05-14", false}, {"2024-05-15", true}, {"2024-07-01", true},
               {"2024-09-30", true},  {"2024-10-01", false}, {"2024-01-01", false}};
  for (const auto& c : cases) {
    auto in = isInFloodSeason(day(c.day), params);
    ASSERT_TRUE(in.isOk());
    EXPECT_EQ(in.value(), c.in) << c.day;
  }
}

TEST(FloodSeasonTest, PerYearOverrideAffectsOnlyThatYear) {
  FakeRuleParameters params({{"rules.flood.season_start.2025", "05-01"}, {"rules.flood.season_end.2025", "10-15"}});
  EXPECT_TRUE(isInFloodSeason(day("2025-05-01"), params).value());
  EXPECT_TRUE(isInFloodSeason(day("2025-10-15"), params).value());
  EXPECT_FALSE(isInFloodSeason(day("2025-10-16"), params).value());
  EXPECT_FALSE(isInFloodSeason(day("2024-05-01"), params).value());
  EXPECT_FALSE(isInFloodSeason(day("2024-10-15"), params).value());
}

TEST(FloodSeasonTest, MalformedOverrideNamesItsKey) {
  FakeRuleParameters params;
  params.set("rules.flood.season_end.2024", "09/30");
  auto s = isInFloodSeason(day("2024-06-01"), params);
  ASSERT_FALSE(s.isOk());
  EXPECT_EQ(s.status().field(), "rules.flood.season_end.2024");
  EXPECT_TRUE(isInFloodSeason(day("2023-06-01"), params).isOk());
}

}  // namespace
}  // namespace beacon::test
