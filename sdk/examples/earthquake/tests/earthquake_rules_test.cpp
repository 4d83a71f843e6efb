// The example plugin's rule, tested the way a plugin author tests: the SDK's
// rule harness over fake records, parameters and calendar (beacon/sdk/testing).
#include "earthquake_rules.h"

#include <gtest/gtest.h>

#include "beacon/sdk/testing/rule_harness.h"
#include "earthquake_plugin.h"

namespace example::earthquake {
namespace {

namespace sdk = beacon::sdk;
using beacon::sdk::testing::RuleHarness;

constexpr const char* kRule = "earthquake.township_drill";

TEST(EarthquakeRulesTest, TownshipIsOverdueAYearAfterItsLastDrillAndALateDrillMeetsItLate) {
  EarthquakeRules rules;
  RuleHarness h;
  const sdk::RecordId town = h.org(sdk::OrgKind::Township);
  h.org(sdk::OrgKind::Village);  // villages have no duty under this rule
  h.drill("earthquake", kEvacuationDrill, town, "2023-03-10");
  EXPECT_EQ(h.status(rules, "2023-12-31", kRule, town), "met");
  EXPECT_EQ(h.status(rules, "2024-03-11", kRule, town), "overdue");
  h.drill("earthquake", kTabletopDrill, town, "2024-04-01");  // after 2024-03-10: 逾期完成
  EXPECT_EQ(h.status(rules, "2024-04-02", kRule, town), "met_late");
  EXPECT_EQ(h.find(rules, "2024-04-02", kRule, town).due, (sdk::Date{2025, 4, 1}));
  EXPECT_EQ(h.obligations(rules, "2024-04-02").size(), 1u);
}

TEST(EarthquakeRulesTest, ABadIntervalFailsNamingItsKeyAndAppendsNothing) {
  EarthquakeRules rules;
  RuleHarness h;
  h.org(sdk::OrgKind::Township);
  h.parameters.set(kTownshipIntervalKey, "0");
  std::vector<sdk::Obligation> out;
  const sdk::Status s = h.evaluate(rules, sdk::Date{2024, 1, 1}, out);
  EXPECT_FALSE(s.isOk());
  EXPECT_EQ(s.field(), kTownshipIntervalKey);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace example::earthquake
