#include "forest_fire/fire_period.h"

#include <gtest/gtest.h>

#include "beacon/sdk/testing/rule_harness.h"

namespace beacon::test {
using namespace beacon::sdk::testing;  // the SDK's rule-test kit (sdk/testing)
namespace {

using plugins::forest_fire::firePeriodStartingIn;
using plugins::forest_fire::isInFirePeriod;

TEST(FirePeriodTest, HenanDefaultRunsAcrossTheNewYear) {
  FakeRuleParameters params;
  auto p = firePeriodStartingIn(2024, params);
  ASSERT_TRUE(p.isOk());
  EXPECT_EQ(p.value().start.toString(), "2024-11-01");
  EXPECT_EQ(p.value().end.toString(), "2025-04-30");
  const struct {
    const char* day;
    bool in;
  } cases[] = {{"2024-10-31", false}, {"2024-11-01", true}, {"2024-12-31", true}, {"2025-01-01", true},
               {"2025-02-28", true},  {"2025-04-30", true}, {"2025-05-01", false}, {"2025-07-15", false},
               {"2024-02-29", true},  {"2024-04-30", true}, {"2024-05-01", false}};
  for (const auto& c : cases) {
    auto in = isInFirePeriod(day(c.day), params);
    ASSERT_TRUE(in.isOk()) << c.day;
    EXPECT_EQ(in.value(), c.in) << c.day;
  }
}

TEST(FirePeriodTest, CountyOverrideAppliesToThePeriodStartingThatYear) {
  FakeRuleParameters params;
  params.set("rules.forest_fire.period_start.2024", "10-15");
  params.set("rules.forest_fire.period_end.2024", "05-15");  // ends 2025-05-15
  EXPECT_TRUE(isInFirePeriod(day("2024-10-15"), params).value());
  EXPECT_FALSE(isInFirePeriod(day("2024-10-14"), params).value());
  EXPECT_TRUE(isInFirePeriod(day("2025-05-15"), params).value());
  EXPECT_FALSE(isInFirePeriod(day("2025-05-16"), params).value());
  // The period before and after keep the law's days.
  EXPECT_FALSE(isInFirePeriod(day("2024-05-10"), params).value());
  EXPECT_FALSE(isInFirePeriod(day("2025-10-20"), params).value());
  EXPECT_TRUE(isInFirePeriod(day("2025-11-01"), params).value());
}

TEST(FirePeriodTest, LeapDayEndOnlyInLeapYears) {
  FakeRuleParameters params;
  params.set("rules.forest_fire.period_end.2023", "02-29");  // the period starting 2023 ends 2024-02-29
  EXPECT_TRUE(isInFirePeriod(day("2024-02-29"), params).value());
  EXPECT_FALSE(isInFirePeriod(day("2024-03-01"), params).value());
  params.set("rules.forest_fire.period_end", "02-29");
  EXPECT_FALSE(isInFirePeriod(day("2024-03-01"), params).isOk());
  auto bad = firePeriodStartingIn(2024, params);  // would end on 2025-02-29
  ASSERT_FALSE(bad.isOk());
  EXPECT_EQ(bad.status().field(), "rules.forest_fire.period_end");
  EXPECT_NE(bad.status().message().find("2025"), std::string::npos);
}

TEST(FirePeriodTest, ImplausibleOverridesNameTheirKey) {
  const struct {
    const char* key;
    const char* value;
    const char* field;
  } cases[] = {
      {"rules.forest_fire.period_start.2024", "03-01", "rules.forest_fire.period_start.2024"},
      {"rules.forest_fire.period_end.2024", "08-01", "rules.forest_fire.period_end.2024"},
      {"rules.forest_fire.period_start", "11/01", "rules.forest_fire.period_start"},
  };
  for (const auto& c : cases) {
    FakeRuleParameters params;
    params.set(c.key, c.value);
    auto s = isInFirePeriod(day("2025-01-10"), params);
    ASSERT_FALSE(s.isOk()) << c.key;
    EXPECT_EQ(s.status().field(), c.field);
  }
}

}  // namespace
}  // namespace beacon::test
