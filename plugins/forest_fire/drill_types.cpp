#include "drill_types.h"

#include "beacon/sdk/drill_checks.h"

namespace beacon::plugins::forest_fire {

namespace {
const std::vector<sdk::DrillType>& table() {
  using sdk::DrillContent;
  using sdk::DrillForm;
  static const std::vector<sdk::DrillType> kTypes = {
      {kSuppressionDrill, "扑火演练", "Forest fire suppression drill", DrillContent::Comprehensive, DrillForm::Live,
       false, "森林防火演练", "Forest fire drills", 30},
      {kTabletopDrill, "森林防火桌面推演", "Forest fire tabletop exercise", DrillContent::Comprehensive,
       DrillForm::Tabletop, false, "森林防火演练", "Forest fire drills", 30},
  };
  return kTypes;
}
}  // namespace

std::vector<sdk::DrillType> drillTypes() { return table(); }

const sdk::DrillType* findDrillType(const std::string& id) { return sdk::findDrillType(table(), id); }

}  // namespace beacon::plugins::forest_fire
