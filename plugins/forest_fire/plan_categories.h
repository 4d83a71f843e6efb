// The plan categories the forest-fire domain manages: the city's 森林火灾
// 专项 plan (filed with the next-higher forestry authority), departments'
// plans and townships' 森林火灾处置办法. Constant data; thread-safe.
#pragma once

#include <vector>

#include "beacon/sdk/drill_type.h"

namespace beacon::plugins::forest_fire {

std::vector<sdk::PlanCategory> planCategories();

}  // namespace beacon::plugins::forest_fire
