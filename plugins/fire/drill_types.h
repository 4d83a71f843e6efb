// The fire drill types (灭火和应急疏散演练, 消防桌面推演); the annual report
// counts both as 消防演练. Constant data; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "beacon/sdk/drill_type.h"

namespace beacon::plugins::fire {

inline constexpr const char* kEvacuationDrill = "fire.evacuation";
inline constexpr const char* kTabletopDrill = "fire.tabletop";

std::vector<sdk::DrillType> drillTypes();
// The declared type with this id, or null.
const sdk::DrillType* findDrillType(const std::string& id);

}  // namespace beacon::plugins::fire
