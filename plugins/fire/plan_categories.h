// The plan categories the fire domain manages: the city's 火灾事故 专项
// plan, departments' plans, township/village plans, and units' 灭火和应急
// 疏散预案 (kept as on-site plans). Constant data; thread-safe.
#pragma once

#include <vector>

#include "beacon/sdk/drill_type.h"

namespace beacon::plugins::fire {

std::vector<sdk::PlanCategory> planCategories();

}  // namespace beacon::plugins::fire
