// The plan categories of the work-safety domain: an enterprise's 综合应急
// 预案, 专项应急预案 and 现场处置方案 (部令2号 第六条), and the government's
// 生产安全事故应急救援预案 (总体/专项/部门/乡镇). Constant data; thread-safe.
#pragma once

#include <vector>

#include "beacon/sdk/drill_type.h"

namespace beacon::plugins::enterprise_safety {

std::vector<sdk::PlanCategory> planCategories();

}  // namespace beacon::plugins::enterprise_safety
