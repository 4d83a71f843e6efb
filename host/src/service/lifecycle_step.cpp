#include "service/lifecycle_step.h"

namespace beacon::service {

namespace {
struct StepText {
  LifecycleStep step;
  const char* id;
  const char* zh;
  const char* en;
};
const StepText kSteps[] = {
    {LifecycleStep::RiskAssessment, "risk_assessment", "风险评估", "risk assessment"},
    {LifecycleStep::ResourceSurvey, "resource_survey", "应急资源调查", "emergency resource survey"},
    {LifecycleStep::SubmitReview, "submit_review", "提交评审", "submit for review"},
    {LifecycleStep::Review, "review", "评审", "review"},
    {LifecycleStep::Approve, "approve", "审批", "approve"},
    {LifecycleStep::Issue, "issue", "印发", "issue"},
    {LifecycleStep::File, "file", "备案", "file"},
    {LifecycleStep::Publish, "publish", "公开", "publish"},
    {LifecycleStep::Evaluate, "evaluate", "评估", "evaluate"},
    {LifecycleStep::Revise, "revise", "修订", "revise"},
    {LifecycleStep::Abolish, "abolish", "废止", "abolish"},
    {LifecycleStep::EditDraft, "edit_draft", "修改编制稿", "edit the draft"},
};
const StepText& find(LifecycleStep step) {
  for (const auto& s : kSteps) {
    if (s.step == step) return s;
  }
  return kSteps[0];
}
}  // namespace

const char* toId(LifecycleStep step) { return find(step).id; }
const char* labelZh(LifecycleStep step) { return find(step).zh; }
const char* labelEn(LifecycleStep step) { return find(step).en; }

std::optional<LifecycleStep> parseLifecycleStep(const std::string& id) {
  for (const auto& s : kSteps) {
    if (id == s.id) return s.step;
  }
  return std::nullopt;
}

}  // namespace beacon::service
