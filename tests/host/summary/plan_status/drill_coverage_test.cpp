// Drill coverage counts, under each township or sub-district in scope, its
// villages, communities, enterprises and institutions (at any depth) and
// those with a drill of each domain; the township's own office, the city's
// own units and organisations outside a township scope count nowhere.
#include "summary/plan_status/drill_coverage.h"

#include <sstream>

#include <gtest/gtest.h>

#include "summary/plan_status/township_map.h"

namespace beacon::summary::plan_status {
namespace {

sdk::Organisation org(sdk::RecordId id, sdk::RecordId parent, sdk::OrgKind kind) {
  sdk::Organisation o;
  o.id = id;
  o.parent_id = parent;
  o.kind = kind;
  o.name = "org" + std::to_string(id);
  o.code = "C" + std::to_string(id);
  return o;
}

class DrillCoverageTest : public ::testing::Test {
 protected:
  // 1 city ─ 2 township ─ 4 village, 5 community ─ 9 enterprise
  //        │            └ 8 village (in 2's subtree, never drilled)
  //        ├ 3 sub-district ─ 6 institution
  //        └ 7 enterprise (a city unit: no township above it)
  const std::vector<sdk::Organisation> orgs_ = {
      org(1, 0, sdk::OrgKind::City),        org(2, 1, sdk::OrgKind::Township),
      org(3, 1, sdk::OrgKind::SubDistrict), org(4, 2, sdk::OrgKind::Village),
      org(5, 2, sdk::OrgKind::Community),   org(6, 3, sdk::OrgKind::Institution),
      org(7, 1, sdk::OrgKind::Enterprise),  org(8, 2, sdk::OrgKind::Village),
      org(9, 5, sdk::OrgKind::Enterprise)};
  const OrgById by_id_ = indexById(orgs_);
  const TownshipOf township_of_ = townshipOf(orgs_, by_id_);
  const std::vector<std::string> domains_ = {"flood", "fire"};
  const std::map<sdk::RecordId, std::set<std::string>> drilled_ = {
      {2, {"flood"}},           // the township's own office: not a unit
      {4, {"flood", "fire"}},   // village
      {9, {"fire"}},            // enterprise under a community
      {6, {"flood", "other"}},  // institution of the sub-district
      {7, {"flood"}}};          // city unit
};

TEST_F(DrillCoverageTest, TownshipsAreFoundAtAnyDepth) {
  EXPECT_EQ(township_of_.count(1), 0u);
  EXPECT_EQ(township_of_.count(7), 0u);
  EXPECT_EQ(township_of_.at(2), 2);
  EXPECT_EQ(township_of_.at(4), 2);
  EXPECT_EQ(township_of_.at(9), 2);
  EXPECT_EQ(township_of_.at(6), 3);
}

TEST_F(DrillCoverageTest, CountsUnitsAndDrilledUnitsPerDomain) {
  const PlanStatusScope city;
  const DrillCoverage coverage = drillCoverage(orgs_, township_of_, city, domains_, drilled_);
  ASSERT_EQ(coverage.size(), 2u);
  EXPECT_EQ(coverage.at(2).units, 4);  // 4, 5, 8, 9
  EXPECT_EQ(coverage.at(2).covered, (std::vector<int>{1, 2}));
  EXPECT_EQ(coverage.at(3).units, 1);
  EXPECT_EQ(coverage.at(3).covered, (std::vector<int>{1, 0}));
}

TEST_F(DrillCoverageTest, ATownshipScopeCountsOnlyItsSubtree) {
  PlanStatusScope town;
  town.scoped = true;
  town.subtree = {2, 4, 5};  // 8 and 9 left out
  const DrillCoverage coverage = drillCoverage(orgs_, township_of_, town, domains_, drilled_);
  ASSERT_EQ(coverage.size(), 1u);
  EXPECT_EQ(coverage.at(2).units, 2);
  EXPECT_EQ(coverage.at(2).covered, (std::vector<int>{1, 1}));
}

TEST_F(DrillCoverageTest, TheScopesDomainOrEveryDomain) {
  PlanStatusScope one;
  one.domain = "fire";
  plugins::PluginRegistry none;
  EXPECT_EQ(coverageDomains(none, one), (std::vector<std::string>{"fire"}));
  EXPECT_TRUE(coverageDomains(none, PlanStatusScope{}).empty());
}

TEST_F(DrillCoverageTest, JsonGivesCountsAndShares) {
  const DrillCoverage coverage =
      drillCoverage(orgs_, township_of_, PlanStatusScope{}, domains_, drilled_);
  Poco::JSON::Object data;
  plugins::PluginRegistry none;
  addCoverageJson(data, coverage, domains_, by_id_, none, Lang{false});
  std::ostringstream out;
  data.stringify(out);
  EXPECT_EQ(out.str(),
            "{\"coverage\":[{\"township\":\"org2\",\"units\":4,\"cells\":[{\"covered\":1,"
            "\"share\":\"25%\"},{\"covered\":2,\"share\":\"50%\"}]},{\"township\":\"org3\","
            "\"units\":1,\"cells\":[{\"covered\":1,\"share\":\"100%\"},{\"covered\":0,"
            "\"share\":\"0%\"}]}],\"coverage_domains\":[{\"domain\":\"flood\",\"label\":"
            "\"flood\"},{\"domain\":\"fire\",\"label\":\"fire\"}]}");
}

}  // namespace
}  // namespace beacon::summary::plan_status
