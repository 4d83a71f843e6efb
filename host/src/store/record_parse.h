// Parsing the SDK's record enumerations from what a person or a file gives:
// the stable string id, the zh-CN label or the English label (the CLI, CSV
// and Excel import, the web forms and the stored rows). Host-only (moved out
// of the SDK in 4.0: plugins receive the enumerations, never text). Pure
// functions; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "beacon/sdk/records.h"

namespace beacon::store {

std::optional<sdk::OrgKind> parseOrgKind(const std::string&);
std::optional<sdk::PlanLevel> parsePlanLevel(const std::string&);
std::optional<sdk::PlanStatus> parsePlanStatus(const std::string&);
std::optional<sdk::VersionAction> parseVersionAction(const std::string&);
std::optional<sdk::ReviewKind> parseReviewKind(const std::string&);
std::optional<sdk::ReviewConclusion> parseReviewConclusion(const std::string&);
std::optional<sdk::DrillVerdict> parseDrillVerdict(const std::string&);
// A review's conclusion (Passed, PassedWithChanges, Failed), not an evaluation's.
bool isReviewConclusion(sdk::ReviewConclusion);

}  // namespace beacon::store
