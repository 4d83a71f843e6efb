#include "drill_types.h"

#include "beacon/sdk/drill_checks.h"

namespace beacon::plugins::flood {

namespace {
const std::vector<sdk::DrillType>& table() {
  using sdk::DrillContent;
  using sdk::DrillForm;
  static const std::vector<sdk::DrillType> kTypes = {
      {kComprehensiveDrill, "防汛综合演练", "Flood-control comprehensive drill", DrillContent::Comprehensive,
       DrillForm::Live, false, "防汛综合演练", "Flood-control comprehensive drills", 10},
      {kEvacuationDrill, "防汛人员疏散(转移)演练", "Flood evacuation drill", DrillContent::SingleItem,
       DrillForm::Live, false, "防汛、人员疏散演练", "Flood-control and evacuation drills", 11},
      {kTabletopDrill, "防汛桌面推演", "Flood-control tabletop exercise", DrillContent::Comprehensive,
       DrillForm::Tabletop, false, "防汛、人员疏散演练", "Flood-control and evacuation drills", 11},
  };
  return kTypes;
}
}  // namespace

std::vector<sdk::DrillType> drillTypes() { return table(); }

const sdk::DrillType* findDrillType(const std::string& id) { return sdk::findDrillType(table(), id); }

}  // namespace beacon::plugins::flood
