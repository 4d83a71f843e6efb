#include "forest_fire/plugin.h"

#include <gtest/gtest.h>

#include "plugins/manifest_check.h"
#include "beacon/sdk/testing/rule_harness.h"

namespace beacon::test {
using namespace beacon::sdk::testing;  // the SDK's rule-test kit (sdk/testing)
namespace {

TEST(ForestFirePluginTest, ManifestMatchesTheExportedClass) {
  expectManifestMatches("forest_fire", "beacon::plugins::forest_fire::ForestFirePlugin");
}

TEST(ForestFirePluginTest, DeclaresTypesAndFields) {
  plugins::forest_fire::ForestFirePlugin p;
  ASSERT_EQ(p.drillTypes().size(), 2u);
  EXPECT_EQ(p.drillTypes()[0].id, "forest_fire.suppression");
  EXPECT_EQ(p.drillTypes()[0].label_zh, "扑火演练");
  for (const auto& t : p.drillTypes()) {
    EXPECT_EQ(t.report_label_zh, "森林防火演练");
    EXPECT_EQ(t.report_order, 30);
  }
  ASSERT_EQ(p.organisationFields().size(), 1u);
  EXPECT_EQ(p.organisationFields()[0].name, "forest_fire_duty");
}

TEST(ForestFirePluginTest, ValidationNamesTheBadField) {
  plugins::forest_fire::ForestFirePlugin p;
  sdk::Drill d;
  d.domain = "forest_fire";
  d.drill_type = "forest_fire.suppression";
  d.date = day("2024-10-10");
  d.fields = {{"professional_team", "maybe"}};
  EXPECT_EQ(p.validateDrill(d).field(), "professional_team");
  d.fields = {{"professional_team", "1"}};
  EXPECT_TRUE(p.validateDrill(d).isOk());
  d.drill_type = "forest_fire.tabletop";
  d.evacuees = 3;
  EXPECT_EQ(p.validateDrill(d).field(), "evacuees");
  d.drill_type = "forest_fire.burn";
  EXPECT_EQ(p.validateDrill(d).field(), "drill_type");
}

}  // namespace
}  // namespace beacon::test
