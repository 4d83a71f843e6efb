// The revision triggers (修订情形) a plan version names when it is revised
// (2013 办法 第二十五条; 2024 办法; 部令2号 第三十六条): stable ids stored in
// plan_versions.trigger, with their official zh-CN wording and English.
// Host-only (moved out of the SDK in 4.0). Constant data; thread-safe.
#pragma once

#include <string>
#include <vector>

namespace beacon::store {

namespace trigger {
inline constexpr const char* kLawOrParentPlanChanged = "law_or_parent_plan_changed";
inline constexpr const char* kCommandStructureChanged = "command_structure_changed";
inline constexpr const char* kRiskChangedMajor = "risk_changed_major";
inline constexpr const char* kKeyResourcesChanged = "key_resources_changed";
inline constexpr const char* kDrillOrIncidentFinding = "drill_or_incident_found_major_issue";
inline constexpr const char* kOtherImportantInfoChanged = "other_important_info_changed";
inline constexpr const char* kOwnerDiscretion = "owner_discretion";
}  // namespace trigger

struct RevisionTrigger {
  std::string id;
  std::string label_zh;
  std::string label_en;
};

const std::vector<RevisionTrigger>& revisionTriggers();
bool isRevisionTrigger(const std::string& id);

}  // namespace beacon::store
