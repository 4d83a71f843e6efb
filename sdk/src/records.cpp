// String ids and official labels of the record enumerations, one table each,
// so the id, the zh-CN wording and the English wording never drift apart.
#include "beacon/sdk/records.h"


#include <cstring>

#include "beacon/sdk/field_spec.h"
#include "beacon/sdk/obligation.h"

namespace beacon::sdk {

namespace {

template <typename E>
struct Entry {
  E value;
  const char* id;
  const char* zh;
  const char* en;
};

template <typename E, std::size_t N>
const Entry<E>& find(const Entry<E> (&table)[N], E value) {
  for (const auto& e : table) {
    if (e.value == value) return e;
  }
  return table[0];
}

const Entry<OrgKind> kOrgKinds[] = {
    {OrgKind::City, "city", "市", "City"},
    {OrgKind::Department, "department", "部门", "Department"},
    {OrgKind::Township, "township", "乡镇", "Township"},
    {OrgKind::SubDistrict, "subdistrict", "街道", "Sub-district"},
    {OrgKind::Village, "village", "村", "Village"},
    {OrgKind::Community, "community", "社区", "Community"},
    {OrgKind::Enterprise, "enterprise", "企业", "Enterprise"},
    {OrgKind::Institution, "institution", "单位", "Institution"},
    {OrgKind::County, "county", "县", "County"},
    {OrgKind::CountyCity, "county_city", "县级市", "County-level city"},
    {OrgKind::District, "district", "区", "District"},
};
const Entry<PlanLevel> kPlanLevels[] = {
    {PlanLevel::City, "city", "市级", "City"},
    {PlanLevel::Department, "department", "部门", "Department"},
    {PlanLevel::Township, "township", "乡镇", "Township"},
    {PlanLevel::Village, "village", "村（社区）", "Village/community"},
    {PlanLevel::Enterprise, "enterprise", "企业", "Enterprise"},
};
const Entry<PlanStatus> kPlanStatuses[] = {
    {PlanStatus::Drafting, "drafting", "编制中", "Drafting"},
    {PlanStatus::InReview, "in_review", "评审中", "In review"},
    {PlanStatus::Approved, "approved", "已批准", "Approved"},
    {PlanStatus::Issued, "issued", "已印发", "Issued"},
    {PlanStatus::Abolished, "abolished", "已废止", "Abolished"},
};
const Entry<VersionAction> kVersionActions[] = {
    {VersionAction::Drafted, "drafted", "编制", "Drafted"},
    {VersionAction::Revised, "revised", "修订", "Revised"},
};
const Entry<ReviewKind> kReviewKinds[] = {
    {ReviewKind::Review, "review", "评审", "Review"},
    {ReviewKind::Evaluation, "evaluation", "评估", "Evaluation"},
};
const Entry<ReviewConclusion> kConclusions[] = {
    {ReviewConclusion::Keep, "keep", "继续有效", "Keep"},
    {ReviewConclusion::Revise, "revise", "需修订", "Revise"},
    {ReviewConclusion::Passed, "passed", "通过", "Passed"},
    {ReviewConclusion::PassedWithChanges, "passed_with_changes", "修改后通过", "Passed with changes"},
    {ReviewConclusion::Failed, "failed", "不通过", "Failed"},
};
const Entry<DrillVerdict> kVerdicts[] = {
    {DrillVerdict::None, "", "未评估", "Not evaluated"},
    {DrillVerdict::Excellent, "excellent", "优", "Excellent"},
    {DrillVerdict::Good, "good", "良", "Good"},
    {DrillVerdict::Fair, "fair", "中", "Fair"},
    {DrillVerdict::Poor, "poor", "差", "Poor"},
};
const Entry<FieldType> kFieldTypes[] = {
    {FieldType::Text, "text", "文本", "Text"},
    {FieldType::Integer, "integer", "整数", "Integer"},
    {FieldType::Boolean, "boolean", "是否", "Yes/no"},
    {FieldType::Choice, "choice", "选项", "Choice"},
    {FieldType::Date, "date", "日期", "Date"},
};
const Entry<RuleBasis> kBases[] = {
    {RuleBasis::Law, "law", "法规", "Law"},
    {RuleBasis::Policy, "policy", "本地政策(可配置)", "Local policy (configurable)"},
};
const Entry<RuleScope> kRuleScopes[] = {
    {RuleScope::Organisation, "organisation", "本单位", "Own organisation"},
    {RuleScope::Subtree, "subtree", "本单位及下级单位", "Organisation and those under it"},
    {RuleScope::City, "city", "全市", "Whole city"},
};
const Entry<ObligationKind> kObligationKinds[] = {
    {ObligationKind::Evaluation, "evaluation", "评估", "Evaluation"},
    {ObligationKind::Drill, "drill", "演练", "Drill"},
    {ObligationKind::Filing, "filing", "备案", "Filing"},
    {ObligationKind::Publication, "publication", "公开", "Publication"},
    {ObligationKind::Revision, "revision", "修订", "Revision"},
    {ObligationKind::Review, "review", "评审", "Review"},
    {ObligationKind::Report, "report", "报告", "Report"},
};
const Entry<ObligationStatus> kObligationStatuses[] = {
    {ObligationStatus::Met, "met", "已落实", "Met"},
    {ObligationStatus::DueSoon, "due_soon", "即将到期", "Due soon"},
    {ObligationStatus::Overdue, "overdue", "已逾期", "Overdue"},
    {ObligationStatus::Upcoming, "upcoming", "未到期", "Upcoming"},
    {ObligationStatus::NotApplicable, "not_applicable", "不适用", "Not applicable"},
    {ObligationStatus::MetLate, "met_late", "逾期完成", "Met late"},
};

}  // namespace

#define BEACON_ENUM_TEXT(Type, table)                                    \
  const char* toId(Type v) { return find(table, v).id; }                 \
  const char* labelZh(Type v) { return find(table, v).zh; }              \
  const char* labelEn(Type v) { return find(table, v).en; }

BEACON_ENUM_TEXT(OrgKind, kOrgKinds)
BEACON_ENUM_TEXT(PlanLevel, kPlanLevels)
BEACON_ENUM_TEXT(PlanStatus, kPlanStatuses)
BEACON_ENUM_TEXT(VersionAction, kVersionActions)
BEACON_ENUM_TEXT(ReviewKind, kReviewKinds)
BEACON_ENUM_TEXT(ReviewConclusion, kConclusions)
BEACON_ENUM_TEXT(DrillVerdict, kVerdicts)
BEACON_ENUM_TEXT(ObligationStatus, kObligationStatuses)
BEACON_ENUM_TEXT(RuleScope, kRuleScopes)
#undef BEACON_ENUM_TEXT

const char* toId(FieldType v) { return find(kFieldTypes, v).id; }
const char* toId(RuleBasis v) { return find(kBases, v).id; }
const char* labelZh(RuleBasis v) { return find(kBases, v).zh; }
RuleScope widerScope(RuleScope a, RuleScope b) { return static_cast<int>(a) >= static_cast<int>(b) ? a : b; }
const char* toId(ObligationKind v) { return find(kObligationKinds, v).id; }
const char* labelZh(ObligationKind v) { return find(kObligationKinds, v).zh; }

PlanLevel levelOf(OrgKind owner) {
  switch (owner) {
    case OrgKind::City:
    case OrgKind::County:
    case OrgKind::CountyCity:
    case OrgKind::District: return PlanLevel::City;
    case OrgKind::Department: return PlanLevel::Department;
    case OrgKind::Township:
    case OrgKind::SubDistrict: return PlanLevel::Township;
    case OrgKind::Village:
    case OrgKind::Community: return PlanLevel::Village;
    case OrgKind::Enterprise:
    case OrgKind::Institution: return PlanLevel::Enterprise;
  }
  return PlanLevel::Enterprise;
}

}  // namespace beacon::sdk
