// The work-safety domain's fields. Drills: reported_to_county (the drill's
// result was reported to the county-level department, 生产安全事故应急条例
// 第八条 ¶2) and reported_date. Organisations: five flags selecting the
// duties of 部令2号 and the Henan regulation (see enterprise_safety_rules.h).
// Attributes carry the "enterprise_safety." prefix in
// Organisation::attributes. Constant data; thread-safe.
#pragma once

#include <vector>

#include "beacon/sdk/field_spec.h"

namespace beacon::plugins::enterprise_safety {

inline constexpr const char* kReportedToCountyField = "reported_to_county";
inline constexpr const char* kReportedDateField = "reported_date";

inline constexpr const char* kKeyUnitAttribute = "enterprise_safety.key_unit_cond8";
inline constexpr const char* kMajorHazardAttribute = "enterprise_safety.major_hazard_source";
inline constexpr const char* kReviewRequiredAttribute = "enterprise_safety.review_required";
inline constexpr const char* kEvalAttribute = "enterprise_safety.eval_3yr";
inline constexpr const char* kFilingRequiredAttribute = "enterprise_safety.filing_required";

std::vector<sdk::FieldSpec> drillFields();
std::vector<sdk::FieldSpec> organisationFields();

}  // namespace beacon::plugins::enterprise_safety
