#include "enterprise_safety/plugin.h"

#include <gtest/gtest.h>

#include "plugins/manifest_check.h"
#include "beacon/sdk/testing/rule_harness.h"

namespace beacon::test {
using namespace beacon::sdk::testing;  // the SDK's rule-test kit (sdk/testing)
namespace {

sdk::Drill drill(const char* type, sdk::FieldValues fields = {}) {
  sdk::Drill d;
  d.domain = "enterprise_safety";
  d.drill_type = type;
  d.date = day("2024-04-10");
  d.participants = 25;
  d.fields = std::move(fields);
  return d;
}

TEST(EnterpriseSafetyPluginTest, ManifestMatchesTheExportedClass) {
  expectManifestMatches("enterprise_safety", "beacon::plugins::enterprise_safety::EnterpriseSafetyPlugin");
}

TEST(EnterpriseSafetyPluginTest, DeclaresTypesAndFields) {
  plugins::enterprise_safety::EnterpriseSafetyPlugin p;
  std::map<std::string, sdk::DrillType> types;
  for (const auto& t : p.drillTypes()) types[t.id] = t;
  ASSERT_EQ(types.size(), 4u);
  for (const auto& [id, t] : types) {
    EXPECT_EQ(t.report_label_zh, "重点生产经营单位演练") << id;
    EXPECT_EQ(t.report_order, 40) << id;
    EXPECT_EQ(t.on_site_disposal, id == "enterprise_safety.on_site") << id;
  }
  std::vector<std::string> org_fields;
  for (const auto& f : p.organisationFields()) {
    EXPECT_EQ(f.type, sdk::FieldType::Boolean) << f.name;
    org_fields.push_back(f.name);
  }
  EXPECT_EQ(org_fields, (std::vector<std::string>{"key_unit_cond8", "major_hazard_source", "review_required",
                                                  "eval_3yr", "filing_required"}));
}

TEST(EnterpriseSafetyPluginTest, ValidationNamesTheBadField) {
  plugins::enterprise_safety::EnterpriseSafetyPlugin p;
  EXPECT_TRUE(p.validateDrill(drill("enterprise_safety.on_site")).isOk());
  EXPECT_TRUE(p.validateDrill(drill("enterprise_safety.special",
                                    {{"reported_to_county", "1"}, {"reported_date", "2024-04-12"}}))
                  .isOk());
  const struct {
    sdk::Drill drill;
    const char* field;
  } cases[] = {
      {drill("enterprise_safety.special", {{"reported_to_county", "perhaps"}}), "reported_to_county"},
      {drill("enterprise_safety.special", {{"reported_to_county", "1"}, {"reported_date", "2024-13-01"}}),
       "reported_date"},
      {drill("enterprise_safety.special", {{"reported_date", "2024-04-12"}}), "reported_date"},
      {drill("enterprise_safety.special", {{"reported_to_county", "0"}, {"reported_date", "2024-04-12"}}),
       "reported_date"},
      {drill("enterprise_safety.special", {{"reported_to_county", "1"}, {"reported_date", "2024-04-09"}}),
       "reported_date"},
      {drill("enterprise_safety.drill"), "drill_type"},
  };
  for (const auto& c : cases) EXPECT_EQ(p.validateDrill(c.drill).field(), c.field);
}

}  // namespace
}  // namespace beacon::test
