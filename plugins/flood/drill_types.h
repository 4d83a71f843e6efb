// The flood-control drill types (防汛综合演练, 防汛人员疏散演练, 防汛桌面推演)
// and the report labels the city's annual report counts them under.
// Constant data; thread-safe.
#pragma once

#include <vector>

#include "beacon/sdk/drill_type.h"

namespace beacon::plugins::flood {

inline constexpr const char* kComprehensiveDrill = "flood.comprehensive";
inline constexpr const char* kEvacuationDrill = "flood.evacuation";
inline constexpr const char* kTabletopDrill = "flood.tabletop";

std::vector<sdk::DrillType> drillTypes();
// The declared type with this id, or null.
const sdk::DrillType* findDrillType(const std::string& id);

}  // namespace beacon::plugins::flood
