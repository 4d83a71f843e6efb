#include "drill_types.h"

#include "beacon/sdk/drill_checks.h"

namespace beacon::plugins::fire {

namespace {
const std::vector<sdk::DrillType>& table() {
  using sdk::DrillContent;
  using sdk::DrillForm;
  static const std::vector<sdk::DrillType> kTypes = {
      {kEvacuationDrill, "灭火和应急疏散演练", "Fire-fighting and evacuation drill", DrillContent::Comprehensive,
       DrillForm::Live, false, "消防演练", "Fire drills", 20},
      {kTabletopDrill, "消防桌面推演", "Fire tabletop exercise", DrillContent::Comprehensive, DrillForm::Tabletop,
       false, "消防演练", "Fire drills", 20},
  };
  return kTypes;
}
}  // namespace

std::vector<sdk::DrillType> drillTypes() { return table(); }

const sdk::DrillType* findDrillType(const std::string& id) { return sdk::findDrillType(table(), id); }

}  // namespace beacon::plugins::fire
