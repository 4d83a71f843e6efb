#include "flood/plugin.h"

#include <gtest/gtest.h>

#include "plugins/manifest_check.h"
#include "beacon/sdk/testing/rule_harness.h"

namespace beacon::test {
using namespace beacon::sdk::testing;  // the SDK's rule-test kit (sdk/testing)
namespace {

sdk::Drill drill(const char* type, sdk::FieldValues fields, int evacuees = 0) {
  sdk::Drill d;
  d.domain = "flood";
  d.drill_type = type;
  d.date = day("2024-04-01");
  d.participants = 50;
  d.evacuees = evacuees;
  d.fields = std::move(fields);
  return d;
}

TEST(FloodPluginTest, ManifestMatchesTheExportedClass) {
  expectManifestMatches("flood", "beacon::plugins::flood::FloodPlugin");
}

TEST(FloodPluginTest, DrillTypesCarryTheReportLabels) {
  plugins::flood::FloodPlugin p;
  std::map<std::string, std::pair<std::string, int>> labels;
  for (const auto& t : p.drillTypes()) labels[t.id] = {t.report_label_zh, t.report_order};
  EXPECT_EQ(labels["flood.comprehensive"], std::make_pair(std::string("防汛综合演练"), 10));
  EXPECT_EQ(labels["flood.evacuation"], std::make_pair(std::string("防汛、人员疏散演练"), 11));
  EXPECT_EQ(labels.size(), 3u);
  ASSERT_EQ(p.organisationFields().size(), 1u);
  EXPECT_EQ(p.organisationFields()[0].name, "flash_flood_zone");
  EXPECT_EQ(p.organisationFields()[0].type, sdk::FieldType::Boolean);
  EXPECT_FALSE(p.planCategories().empty());
}

TEST(FloodPluginTest, ValidDrillsPass) {
  plugins::flood::FloodPlugin p;
  EXPECT_TRUE(p.validateDrill(drill("flood.evacuation", {{"hazard", "flash_flood"}}, 120)).isOk());
  EXPECT_TRUE(p.validateDrill(drill("flood.comprehensive", {{"hazard", "reservoir"}}, 30)).isOk());
  EXPECT_TRUE(p.validateDrill(drill("flood.tabletop", {{"hazard", "waterlogging"}})).isOk());
}

TEST(FloodPluginTest, ValidationNamesTheBadField) {
  plugins::flood::FloodPlugin p;
  const struct {
    sdk::Drill drill;
    const char* field;
  } cases[] = {
      {drill("flood.evacuation", {}), "hazard"},
      {drill("flood.evacuation", {{"hazard", "sea"}}), "hazard"},
      {drill("flood.evacuation", {{"hazard", "river"}, {"colour", "red"}}), "colour"},
      {drill("flood.tabletop", {{"hazard", "river"}}, 5), "evacuees"},
      {drill("flood.evacuation", {{"hazard", "river"}}, -1), "evacuees"},
      {drill("fire.evacuation", {{"hazard", "river"}}), "drill_type"},
  };
  for (const auto& c : cases) {
    sdk::Status s = p.validateDrill(c.drill);
    EXPECT_FALSE(s.isOk()) << c.field;
    EXPECT_EQ(s.field(), c.field) << s.describe();
  }
  sdk::Drill other = drill("flood.evacuation", {{"hazard", "river"}});
  other.domain = "fire";
  EXPECT_EQ(p.validateDrill(other).field(), "domain");
}

}  // namespace
}  // namespace beacon::test
