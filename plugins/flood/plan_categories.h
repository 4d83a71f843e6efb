// The plan categories the flood-control domain manages: the city's 防汛抗旱
// 专项预案, departments' plans, township and village 防汛/山洪 plans and
// reservoir or works manuals. Constant data; thread-safe.
#pragma once

#include <vector>

#include "beacon/sdk/drill_type.h"

namespace beacon::plugins::flood {

std::vector<sdk::PlanCategory> planCategories();

}  // namespace beacon::plugins::flood
