// The forest-fire drill types (扑火演练, 森林防火桌面推演); the annual report
// counts both as 森林防火演练. Constant data; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "beacon/sdk/drill_type.h"

namespace beacon::plugins::forest_fire {

inline constexpr const char* kSuppressionDrill = "forest_fire.suppression";
inline constexpr const char* kTabletopDrill = "forest_fire.tabletop";

std::vector<sdk::DrillType> drillTypes();
// The declared type with this id, or null.
const sdk::DrillType* findDrillType(const std::string& id);

}  // namespace beacon::plugins::forest_fire
