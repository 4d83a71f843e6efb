// The domain records every part of Beacon shares: organisations, plans and
// their immutable versions, reviews (评审/评估), filings (备案) and drills.
// Plain structs handed across the plugin boundary by
// value; the host's store persists them. Enumerations have stable string ids
// (stored in the database and CSV files) and official zh-CN labels.
// Thread-safety: plain values, no shared state.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "beacon/sdk/date.h"
#include "beacon/sdk/export.h"

namespace beacon::sdk {

using RecordId = std::int64_t;  // 0 = not yet stored / none

// Domain-specific values keyed by field name (see FieldSpec).
using FieldValues = std::map<std::string, std::string>;

enum class OrgKind {
  City, Department, Township, SubDistrict, Village, Community, Enterprise, Institution,
  // Top organisations by the kind of county-level place (issue #11): 县, 县级市, 区 (市辖区).
  // City (市) stays the generic top kind and reads as a county-level city.
  County, CountyCity, District
};
// The plan level an owning organisation gives its plans, as the annual report counts them.
enum class PlanLevel { City, Department, Township, Village, Enterprise };
enum class PlanStatus { Drafting, InReview, Approved, Issued, Abolished };
enum class VersionAction { Drafted, Revised };
enum class ReviewKind { Review, Evaluation };        // 评审 before approval; 评估 periodic
// Keep / Revise: an evaluation's (评估) 继续有效 / 需修订; Passed, PassedWithChanges,
// Failed: a review's (评审/论证) 通过 / 修改后通过 / 不通过 (the plan life cycle).
enum class ReviewConclusion { Keep, Revise, Passed, PassedWithChanges, Failed };
enum class DrillVerdict { None, Excellent, Good, Fair, Poor };  // 优/良/中/差 (AQ/T 9009)

BEACON_SDK_API const char* toId(OrgKind);
BEACON_SDK_API const char* toId(PlanLevel);
BEACON_SDK_API const char* toId(PlanStatus);
BEACON_SDK_API const char* toId(VersionAction);
BEACON_SDK_API const char* toId(ReviewKind);
BEACON_SDK_API const char* toId(ReviewConclusion);
BEACON_SDK_API const char* toId(DrillVerdict);

BEACON_SDK_API const char* labelZh(OrgKind);
BEACON_SDK_API const char* labelZh(PlanLevel);
BEACON_SDK_API const char* labelZh(PlanStatus);
BEACON_SDK_API const char* labelZh(VersionAction);
BEACON_SDK_API const char* labelZh(ReviewKind);
BEACON_SDK_API const char* labelZh(ReviewConclusion);
BEACON_SDK_API const char* labelZh(DrillVerdict);

BEACON_SDK_API const char* labelEn(OrgKind);
BEACON_SDK_API const char* labelEn(PlanLevel);
BEACON_SDK_API const char* labelEn(PlanStatus);
BEACON_SDK_API const char* labelEn(VersionAction);
BEACON_SDK_API const char* labelEn(ReviewKind);
BEACON_SDK_API const char* labelEn(ReviewConclusion);
BEACON_SDK_API const char* labelEn(DrillVerdict);

// The plan level an owner of this kind gives its plans (the annual report's count).
BEACON_SDK_API PlanLevel levelOf(OrgKind owner);

// Plan categories shared by every domain (2024 办法 第六、七条; 部令2号 第六条).
namespace category {
inline constexpr const char* kMaster = "master";            // 总体应急预案
inline constexpr const char* kSpecial = "special";          // 专项应急预案
inline constexpr const char* kDepartment = "department";    // 部门应急预案
inline constexpr const char* kGrassroots = "grassroots";    // 基层应急预案 (乡镇/村)
inline constexpr const char* kComprehensive = "comprehensive";  // 综合应急预案 (enterprise)
inline constexpr const char* kOnSite = "on_site";           // 现场处置方案
inline constexpr const char* kMajorEvent = "major_event";   // 重大活动保障预案
inline constexpr const char* kJoint = "joint";              // 联合应急预案
inline constexpr const char* kWorkManual = "work_manual";   // 应急工作手册
}  // namespace category

// The domain of plans that belong to no plugin (the city's 总体预案, earthquake, public health...).
inline constexpr const char* kGeneralDomain = "general";

struct Organisation {
  RecordId id = 0;
  std::string code;  // stable, unique, used by CSV files and the CLI
  std::string name;
  OrgKind kind = OrgKind::Village;
  RecordId parent_id = 0;
  FieldValues attributes;  // per-domain attributes, keyed "<domain>.<field>"
};

struct Plan {
  RecordId id = 0;
  std::string code;
  std::string title;
  std::string domain;    // plugin domain id, or kGeneralDomain
  std::string category;  // category:: id
  RecordId owner_org_id = 0;
  PlanStatus status = PlanStatus::Drafting;
  bool revision_required = false;
  std::string revision_reason;
  int current_version = 0;  // number of the latest version, 0 if none
};

struct PlanVersion {
  RecordId id = 0;
  RecordId plan_id = 0;
  int number = 0;
  VersionAction action = VersionAction::Drafted;
  std::string
      trigger;  // a revision trigger id (host: store/revision_triggers.h), empty for a first draft
  bool major = true;
  Date issued;          // 印发日
  Date effective;
  std::string text;
  std::string author;
  std::string created_at;  // ISO timestamp, set by the store
};

struct Review {
  RecordId id = 0;
  RecordId plan_id = 0;
  RecordId plan_version_id = 0;
  ReviewKind kind = ReviewKind::Evaluation;
  Date date;
  std::string reviewers;
  ReviewConclusion conclusion = ReviewConclusion::Keep;
  std::string findings;
};

struct Filing {
  RecordId id = 0;
  RecordId plan_id = 0;
  RecordId plan_version_id = 0;
  std::string target_body;
  Date submitted;
  std::string registration_no;
  Date published;  // 公开/公布 date; unset if not yet published
};

struct Drill {
  RecordId id = 0;
  std::string domain;
  std::string drill_type;
  RecordId org_id = 0;
  RecordId plan_id = 0;          // 0 when no plan is named
  RecordId plan_version_id = 0;
  Date date;
  std::string place;
  std::string scenario;
  int participants = 0;
  int evacuees = 0;
  FieldValues fields;            // the domain plugin's drill fields
  DrillVerdict verdict = DrillVerdict::None;
  std::string findings;
};

}  // namespace beacon::sdk
