// LifecycleStep: the steps of a plan's life cycle (service/plan_lifecycle.h),
// with the stable ids stored in plan_transitions.step and their official zh-CN
// and English names. Immutable data; thread-safe.
#pragma once

#include <optional>
#include <string>

namespace beacon::service {

enum class LifecycleStep {
  RiskAssessment,  // 风险评估 (preparatory, while drafting)
  ResourceSurvey,  // 应急资源调查 (preparatory, while drafting)
  SubmitReview,    // 提交评审: drafting → in_review
  Review,  // 评审/论证: 通过 or 修改后通过 stays in_review (passed); 不通过 → drafting
  Approve,   // 审批: in_review (passed) → approved
  Issue,     // 印发: approved → issued
  File,      // 备案 (of the version in force)
  Publish,   // 公开 (of the version in force)
  Evaluate,  // 评估 (of the version in force)
  Revise,    // 修订: a new version (a draft, or one recorded as issued)
  Abolish,   // 废止: any state but abolished → abolished
  EditDraft,  // 修改编制稿: the draft's text changed while drafting (编制中 → 编制中; not a 修订)
};

const char* toId(LifecycleStep step);
const char* labelZh(LifecycleStep step);
const char* labelEn(LifecycleStep step);
std::optional<LifecycleStep> parseLifecycleStep(const std::string& id);

}  // namespace beacon::service
