// The forest-fire domain's fields. Organisations: forest_fire_duty (the
// township or sub-district has forest-fire prevention duty). Drills: whether
// a professional or semi-professional fire-fighting team took part.
// Attributes carry the "forest_fire." prefix in Organisation::attributes.
// Constant data; thread-safe.
#pragma once

#include <vector>

#include "beacon/sdk/field_spec.h"

namespace beacon::plugins::forest_fire {

inline constexpr const char* kDutyAttribute = "forest_fire.forest_fire_duty";

std::vector<sdk::FieldSpec> drillFields();
std::vector<sdk::FieldSpec> organisationFields();

}  // namespace beacon::plugins::forest_fire
