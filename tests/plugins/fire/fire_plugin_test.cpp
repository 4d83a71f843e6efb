#include "fire/plugin.h"

#include <gtest/gtest.h>

#include "plugins/manifest_check.h"
#include "beacon/sdk/testing/rule_harness.h"

namespace beacon::test {
using namespace beacon::sdk::testing;  // the SDK's rule-test kit (sdk/testing)
namespace {

sdk::Drill drill(const char* type, sdk::FieldValues fields = {}, int evacuees = 0) {
  sdk::Drill d;
  d.domain = "fire";
  d.drill_type = type;
  d.date = day("2024-04-01");
  d.participants = 80;
  d.evacuees = evacuees;
  d.fields = std::move(fields);
  return d;
}

TEST(FirePluginTest, ManifestMatchesTheExportedClass) {
  expectManifestMatches("fire", "beacon::plugins::fire::FirePlugin");
}

TEST(FirePluginTest, DeclaresTypesAndFields) {
  plugins::fire::FirePlugin p;
  for (const auto& t : p.drillTypes()) {
    EXPECT_EQ(t.report_label_zh, "消防演练") << t.id;
    EXPECT_EQ(t.report_order, 20) << t.id;
  }
  EXPECT_EQ(p.drillTypes().size(), 2u);
  auto fields = p.organisationFields();
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0].name, "key_fire_unit");
  EXPECT_EQ(fields[1].name, "unit_kind");
  EXPECT_EQ(fields[1].allowed_values.size(), 8u);
  EXPECT_TRUE(sdk::validateFields(fields, sdk::normalizeFields(fields, {{"unit_kind", "养老院"}})).isOk());
  EXPECT_EQ(sdk::validateFields(fields, {{"unit_kind", "factory"}}).field(), "unit_kind");
  EXPECT_EQ(sdk::validateFields(fields, {{"key_fire_unit", "maybe"}}).field(), "key_fire_unit");
}

TEST(FirePluginTest, ValidationNamesTheBadField) {
  plugins::fire::FirePlugin p;
  EXPECT_TRUE(p.validateDrill(drill("fire.evacuation", {{"people_notified", "1"}}, 300)).isOk());
  EXPECT_TRUE(p.validateDrill(drill("fire.tabletop")).isOk());
  const struct {
    sdk::Drill drill;
    const char* field;
  } cases[] = {
      {drill("fire.tabletop", {}, 10), "evacuees"},
      {drill("fire.evacuation", {{"people_notified", "perhaps"}}), "people_notified"},
      {drill("fire.evacuation", {{"hazard", "river"}}), "hazard"},
      {drill("flood.evacuation"), "drill_type"},
  };
  for (const auto& c : cases) EXPECT_EQ(p.validateDrill(c.drill).field(), c.field);
}

}  // namespace
}  // namespace beacon::test
