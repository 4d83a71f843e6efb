// The work-safety drill types of AQ/T 9007-2019 and 部令2号 第三十三条:
// 综合应急预案演练, 专项应急预案演练, 现场处置方案演练 and 桌面演练; the annual
// report counts all of them as 重点生产经营单位演练. Constant data; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "beacon/sdk/drill_type.h"

namespace beacon::plugins::enterprise_safety {

inline constexpr const char* kComprehensiveDrill = "enterprise_safety.comprehensive";
inline constexpr const char* kSpecialDrill = "enterprise_safety.special";
inline constexpr const char* kOnSiteDrill = "enterprise_safety.on_site";
inline constexpr const char* kTabletopDrill = "enterprise_safety.tabletop";

std::vector<sdk::DrillType> drillTypes();
// The declared type with this id, or null.
const sdk::DrillType* findDrillType(const std::string& id);

}  // namespace beacon::plugins::enterprise_safety
