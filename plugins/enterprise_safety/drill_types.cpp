#include "drill_types.h"

#include "beacon/sdk/drill_checks.h"

namespace beacon::plugins::enterprise_safety {

namespace {
const std::vector<sdk::DrillType>& table() {
  using sdk::DrillContent;
  using sdk::DrillForm;
  const char* label = "重点生产经营单位演练";
  const char* label_en = "Drills of key production and business units";
  static const std::vector<sdk::DrillType> kTypes = {
      {kComprehensiveDrill, "综合应急预案演练", "Comprehensive plan drill", DrillContent::Comprehensive,
       DrillForm::Live, false, label, label_en, 40},
      {kSpecialDrill, "专项应急预案演练", "Special plan drill", DrillContent::SingleItem, DrillForm::Live, false,
       label, label_en, 40},
      {kOnSiteDrill, "现场处置方案演练", "On-site disposal plan drill", DrillContent::SingleItem, DrillForm::Live,
       true, label, label_en, 40},
      {kTabletopDrill, "应急预案桌面演练", "Tabletop exercise", DrillContent::Comprehensive, DrillForm::Tabletop,
       false, label, label_en, 40},
  };
  return kTypes;
}
}  // namespace

std::vector<sdk::DrillType> drillTypes() { return table(); }

const sdk::DrillType* findDrillType(const std::string& id) { return sdk::findDrillType(table(), id); }

}  // namespace beacon::plugins::enterprise_safety
