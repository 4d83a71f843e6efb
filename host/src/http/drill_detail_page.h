// The drill detail page (演练详情): the drill, the duty periods it lies in
// (汛期内, from the domain plugin), its evaluation, corrective actions and
// attachments, and, for a user who may change the drill, the evidence
// upload, the evaluation form (登记评估报告, while the drill has none) and the
// "登记整改措施" form; each open corrective action the user may change
// carries a "标记为已整改" form. Shared by GET
// /drills/{id} and the corrective-action form routes, which re-render it
// with the rejected input and its error. Per request; not shared.
#pragma once

#include <map>
#include <string>

#include "beacon/sdk/records.h"
#include "http/request_context.h"

namespace beacon::http {

// What the user typed into the corrective-action form, and the field in
// error with its message (empty field: no error).
struct CorrectiveActionForm {
  std::string description;
  std::string responsible_org_id;
  std::string due;
  std::string error_field;
  std::string error_message;
};

// What the user typed into the evaluation form (演练评估报告), and the field
// in error with its message (empty field: no error).
struct DrillEvaluationForm {
  std::string verdict;
  std::string findings;
  std::string suggestions;
  std::string evaluator;
  std::string date;
  std::string document;
  std::string error_field;
  std::string error_message;
};

void sendDrillPage(RequestContext& ctx, const sdk::Drill& drill, int status,
                   const CorrectiveActionForm& form = {}, const DrillEvaluationForm& evaluation_form = {});

}  // namespace beacon::http
