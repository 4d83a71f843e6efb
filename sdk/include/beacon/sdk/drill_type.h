// DrillType and PlanCategory: what a domain plugin declares about the drills
// it accepts and the plans it manages. `report_label_zh` is the wording the
// city's annual report counts drills under (e.g. 防汛、人员疏散演练); several
// drill types may share one label, and `report_order` orders the labels in
// the report text. Plain values; thread-safe.
#pragma once

#include <string>

namespace beacon::sdk {

enum class DrillContent { Comprehensive, SingleItem };  // 综合 / 单项 (AQ/T 9007-2019)
enum class DrillForm { Live, Tabletop };                // 实战 / 桌面

struct DrillType {
  std::string id;  // "<domain>.<name>", unique across plugins
  std::string label_zh;
  std::string label_en;
  DrillContent content = DrillContent::SingleItem;
  DrillForm form = DrillForm::Live;
  bool on_site_disposal = false;  // a 现场处置方案 drill (部令2号 第三十三条)
  std::string report_label_zh;
  std::string report_label_en;
  int report_order = 0;
};

struct PlanCategory {
  std::string id;  // a category:: id
  std::string label_zh;
  std::string label_en;
};

}  // namespace beacon::sdk
