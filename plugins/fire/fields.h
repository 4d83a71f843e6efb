// The fire domain's fields. Organisations: key_fire_unit (消防安全重点单位,
// designated by the fire rescue authority) and unit_kind (the Henan
// regulation's unit categories). Drills: whether the people in the drill
// area were told in advance (公安部令第61号 第四十条) and whether the fire
// rescue station took part. Attributes carry the "fire." prefix in
// Organisation::attributes. Constant data; thread-safe.
#pragma once

#include <vector>

#include "beacon/sdk/field_spec.h"

namespace beacon::plugins::fire {

inline constexpr const char* kKeyFireUnitAttribute = "fire.key_fire_unit";
inline constexpr const char* kUnitKindAttribute = "fire.unit_kind";

namespace unit_kind {
inline constexpr const char* kPropertyCommunity = "property_community";
inline constexpr const char* kSchool = "school";
inline constexpr const char* kKindergarten = "kindergarten";
inline constexpr const char* kNursingHome = "nursing_home";
inline constexpr const char* kWelfareHome = "welfare_home";
inline constexpr const char* kHospital = "hospital";
inline constexpr const char* kCrowdedPlace = "crowded_place";
inline constexpr const char* kOther = "other";
}  // namespace unit_kind

std::vector<sdk::FieldSpec> drillFields();
std::vector<sdk::FieldSpec> organisationFields();

}  // namespace beacon::plugins::fire
