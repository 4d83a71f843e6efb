#include "app/commands/plan_lifecycle_verbs.h"

#include <fstream>
#include <map>
#include <ostream>
#include <sstream>

#include "app/cli_text.h"
#include "http/label_language.h"
#include "service/plan_lifecycle.h"
#include "store/plan_transition_repository.h"
#include "store/record_parse.h"

namespace beacon::app {

const char* const kLifecycleUsage =
    "       beacon plan prepare CODE --kind risk_assessment|resource_survey --date DATE\n"
    "                       [--document DOC] [--note TEXT]   (风险评估 / 应急资源调查, while "
    "drafting)\n"
    "       beacon plan edit-draft CODE (--text TEXT | --text-file FILE) [--note TEXT]\n"
    "                       (修改编制稿: the draft's text while 编制中, e.g. after 评审 不通过;\n"
    "                       no new version, not a 修订)\n"
    "       beacon plan submit-review CODE --date DATE [--note TEXT]   (提交评审: 编制中 → "
    "评审中)\n"
    "       beacon review add --plan CODE --kind review --conclusion "
    "passed|passed_with_changes|failed ...\n"
    "                       (评审: failed sends the draft back to 编制中)\n"
    "       beacon plan approve CODE --date DATE --by BODY [--document DOC] [--note TEXT]\n"
    "                       (审批 after a passed review: 评审中 → 已批准)\n"
    "       beacon plan issue CODE --issued DATE --document-no 文号 [--effective DATE] [--note "
    "TEXT]\n"
    "                       (印发: 已批准 → 已印发; the issued version is in force)\n"
    "       beacon plan publish CODE --date DATE --channel CHANNEL [--link URL] [--note TEXT]   "
    "(公开)\n"
    "       beacon plan abolish CODE --date DATE [--replaced-by CODE] [--document DOC] [--note "
    "TEXT]   (废止)\n"
    "       beacon plan history CODE   (every life-cycle step: day, step, version, state before → "
    "after, who, #step id; a voided step is marked 已作废 with who, when and why)\n"
    "       beacon plan step correct ID --field date|body|document|note=VALUE --reason TEXT\n"
    "                       (风险评估, 应急资源调查 and 公开 only)\n"
    "       beacon plan step void ID --reason TEXT   (作废: 风险评估, 应急资源调查, 公开 any time;\n"
    "                       提交评审, 审批, 印发, 废止 only as the plan's latest step: the state is\n"
    "                       recomputed, e.g. a voided 印发 leaves the version 已批准, not in force)\n"
    "A step the plan's state does not allow is refused naming the state (exit 1).\n"
    "Enterprise plans need prepare --kind risk_assessment and resource_survey before "
    "submit-review.\n";

namespace {

using service::LifecycleStep;

// The option that carried each field the service names.
std::string optionFor(const std::string& field) {
  static const std::map<std::string, std::string> kOptions = {{"date", "--date"},
                                                              {"approved_by", "--by"},
                                                              {"document", "--document"},
                                                              {"note", "--note"},
                                                              {"channel", "--channel"},
                                                              {"link", "--link"},
                                                              {"issued", "--issued"},
                                                              {"document_no", "--document-no"},
                                                              {"replaced_by", "--replaced-by"},
                                                              {"effective", "--effective"},
                                                              {"text", "--text"}};
  const auto it = kOptions.find(field);
  return it == kOptions.end() ? field : it->second;
}

// The refusal naming the command line's option for its field, with its code (and exit code) kept.
int failStep(CommandContext& ctx, const sdk::Status& s) {
  const std::string option = optionFor(s.field());
  switch (s.code()) {
    case sdk::StatusCode::InvalidArgument:
      return fail(ctx, sdk::Status::invalid(option, s.message()));
    case sdk::StatusCode::NotFound:
      return fail(ctx, sdk::Status::notFound(option, s.message()));
    case sdk::StatusCode::Conflict:
      return fail(ctx, sdk::Status::conflict(option, s.message()));
    default:
      return fail(ctx, s);
  }
}

void printTransition(CommandContext& ctx, const store::PlanTransition& t, const std::string& code) {
  auto step = service::parseLifecycleStep(t.step);
  auto from = store::parsePlanStatus(t.from_status);
  auto to = store::parsePlanStatus(t.to_status);
  const std::string stepLabel = step ? http::labelIn(*step, ctx.english) : t.step;
  auto statusLabel = [&](const std::optional<sdk::PlanStatus>& s, const std::string& id) {
    return s ? http::labelIn(*s, ctx.english) : id;
  };
  ctx.out << "  " << t.date.toString() << "\t" << stepLabel << "\t" << code;
  if (t.version_number > 0) ctx.out << " v" << t.version_number;
  ctx.out << "\t" << statusLabel(from, t.from_status) << " → " << statusLabel(to, t.to_status)
          << "\t" << t.body << "\t" << t.document << "\t" << t.note << "\t" << t.actor << "\t#" << t.id
          << "\n";
  if (t.voided()) {
    ctx.out << cliWord("step_voided", ctx.english, {t.voided_by, t.voided_at, t.void_reason})
            << "\n";
  }
}

}  // namespace

sdk::Result<std::string> readPlanText(const Arguments& a, bool english) {
  if (a.has("text")) return a.get("text");
  if (!a.has("text-file")) return std::string();
  std::ifstream in(a.get("text-file"), std::ios::binary);
  if (!in) {
    return sdk::Status::invalid("--text-file",
                                cliWord("refuse_cannot_read", english, {a.get("text-file")}));
  }
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool isLifecycleVerb(const std::string& verb) {
  return verb == "prepare" || verb == "edit-draft" || verb == "submit-review" || verb == "approve" ||
         verb == "issue" || verb == "publish" || verb == "abolish" || verb == "history";
}

int runLifecycleVerb(CommandContext& ctx, AppContext& app, const Arguments& a,
                     const sdk::Plan& plan, const std::string& verb) {
  store::PlanTransitionRepository transitions(app.db().session());
  if (verb == "history") {
    ctx.out << cliWord("plan_history_heading", ctx.english, {plan.code}) << "\n";
    for (const auto& t : transitions.listForPlan(plan.id)) printTransition(ctx, t, plan.code);
    return 0;
  }
  if (verb == "edit-draft") {
    auto text = readPlanText(a, ctx.english);
    if (!text.isOk()) return fail(ctx, text.status());
    service::DraftEdit edit;
    edit.text = text.value();
    edit.note = a.get("note");
    auto id = service::PlanLifecycle(app.db(), ctx.english).editDraft(plan.id, edit, ctx.actor);
    if (!id.isOk()) return failStep(ctx, id.status());
    for (const auto& t : transitions.listForPlan(plan.id)) {
      if (t.id == id.value()) printTransition(ctx, t, plan.code);
    }
    return 0;
  }
  service::StepRecord record;
  auto date = a.date(verb == "issue" ? "issued" : "date");
  if (!date.isOk()) return fail(ctx, date.status());
  record.date = date.value();
  record.note = a.get("note");
  record.document = a.get(verb == "issue"     ? "document-no"
                          : verb == "publish" ? "link"
                                              : "document");
  record.body = a.get(verb == "publish" ? "channel" : "by");
  service::PlanLifecycle lifecycle(app.db(), ctx.english);
  sdk::Result<sdk::RecordId> id = sdk::Status::internal(verb);
  if (verb == "prepare") {
    const std::string kind = a.get("kind");
    auto step = service::parseLifecycleStep(kind);
    if (!step ||
        (*step != LifecycleStep::RiskAssessment && *step != LifecycleStep::ResourceSurvey)) {
      return fail(ctx,
                  sdk::Status::invalid("--kind", cliWord("refuse_preparation_kind", ctx.english)));
    }
    id = lifecycle.recordPreparation(plan.id, *step, record, ctx.actor);
  } else if (verb == "submit-review") {
    id = lifecycle.submitForReview(plan.id, record, ctx.actor);
  } else if (verb == "approve") {
    id = lifecycle.approve(plan.id, record, ctx.actor);
  } else if (verb == "issue") {
    service::IssueRecord issue;
    issue.step = record;
    auto effective = a.date("effective");
    if (!effective.isOk()) return fail(ctx, effective.status());
    issue.effective = effective.value();
    id = lifecycle.issue(plan.id, issue, ctx.actor);
  } else if (verb == "publish") {
    id = lifecycle.publish(plan.id, record, ctx.actor);
  } else if (verb == "abolish") {
    id = lifecycle.abolish(plan.id, record, a.get("replaced-by"), ctx.actor);
  }
  if (!id.isOk()) return failStep(ctx, id.status());
  for (const auto& t : transitions.listForPlan(plan.id)) {
    if (t.id == id.value()) printTransition(ctx, t, plan.code);
  }
  return 0;
}

}  // namespace beacon::app
