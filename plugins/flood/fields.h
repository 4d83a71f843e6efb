// The flood domain's fields: on drills, the hazard the drill rehearses
// (required); on organisations, whether a village or community lies in a
// flash-flood danger zone (山洪灾害危险区). Attribute keys carry the "flood."
// prefix in Organisation::attributes. Constant data; thread-safe.
#pragma once

#include <vector>

#include "beacon/sdk/field_spec.h"

namespace beacon::plugins::flood {

inline constexpr const char* kHazardField = "hazard";
inline constexpr const char* kFlashFloodZoneField = "flash_flood_zone";
inline constexpr const char* kFlashFloodZoneAttribute = "flood.flash_flood_zone";

std::vector<sdk::FieldSpec> drillFields();
std::vector<sdk::FieldSpec> organisationFields();

}  // namespace beacon::plugins::flood
