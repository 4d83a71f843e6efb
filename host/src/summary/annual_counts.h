// AnnualCounts: what the city's annual report counts for one calendar year:
// plans drafted, revised and evaluated by plan level, and drills by the
// report label their drill type declares. Computed with SQL aggregates
// (GROUP BY owner kind, GROUP BY drill type), never by loading rows. Levels
// and labels with zero are absent. Not thread-safe (uses the Session).
#pragma once

#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"
#include "plugins/plugin_registry.h"

namespace beacon::summary {

struct LevelCount {
  sdk::PlanLevel level = sdk::PlanLevel::City;
  int count = 0;
};

struct PlanActivity {
  int total = 0;
  std::vector<LevelCount> levels;  // 市级, 部门, 乡镇, 村(社区), 企业 order
};

struct DrillLabelCount {
  std::string label_zh;
  std::string label_en;
  int order = 0;
  int count = 0;
};

struct AnnualCounts {
  int year = 0;
  PlanActivity drafted;
  PlanActivity revised;
  PlanActivity evaluated;
  std::vector<DrillLabelCount> drills;  // by report order
  int drills_total = 0;
};

// Drill types no enabled plugin declares are counted under their own id, last.
AnnualCounts countAnnual(Poco::Data::Session& session, const plugins::PluginRegistry& registry, int year);

}  // namespace beacon::summary
