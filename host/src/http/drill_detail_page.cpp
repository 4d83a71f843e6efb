#include "http/drill_detail_page.h"

#include <set>

#include <Poco/JSON/Array.h>

#include "http/drill_plan_json.h"
#include "http/label_language.h"

#include "http/page_text.h"
#include "http/record_correction_request.h"
#include "http/record_detail.h"
#include "plugins/drill_periods.h"
#include "render/json_data.h"
#include "rules/drill_duties.h"
#include "store/corrective_action.h"
#include "store/drill_evaluation_repository.h"

namespace beacon::http {

namespace {

using kainjow::mustache::data;

// The form's zh / en name of an API field, for the error message.
std::string fieldLabel(RequestContext& ctx, const std::string& field) {
  const bool en = ctx.english();
  if (field == "description") return pageWord("ca_description", en);
  if (field == "responsible_org_id") return pageWord("responsible_org", en);
  if (field == "due") return pageWord("ca_due", en);
  return field;
}

// The message beside a field: the API's own (English) message, or in zh a
// fixed wording for the fields of this form.
std::string fieldMessage(RequestContext& ctx, const std::string& field, const std::string& api_message) {
  if (ctx.english()) return api_message;
  if (field == "description") return "必填";
  if (field == "responsible_org_id") return "请从列表中选择责任单位";
  if (field == "due") return "日期无效，应为 YYYY-MM-DD 格式的有效日期";
  return api_message;
}

// The organisations a new action may be assigned to: the drill's
// organisation, its superiors and its direct subordinates, as far as the
// user may write them.
data responsibleOrgOptions(RequestContext& ctx, const sdk::Drill& drill, const std::string& selected) {
  const auth::Scope scope = ctx.policy().writeScope(ctx.requireUser());
  std::set<sdk::RecordId> candidates;
  for (sdk::RecordId id = drill.org_id; id != 0 && !candidates.count(id);) {
    candidates.insert(id);
    auto org = ctx.organisations().findById(id);
    id = org ? org->parent_id : 0;
  }
  data list{data::type::list};
  const std::string chosen = selected.empty() ? std::to_string(drill.org_id) : selected;
  for (const auto& o : ctx.organisations().list()) {
    if (!candidates.count(o.id) && o.parent_id != drill.org_id) continue;
    if (!scope.contains(o.id)) continue;
    data item;
    item.set("value", std::to_string(o.id));
    item.set("label", o.name);
    item.set("selected", std::to_string(o.id) == chosen);
    list.push_back(item);
  }
  return list;
}

}  // namespace

namespace {

// The evaluation report, or what stands in for it, and the form to add one.
void setEvaluation(RequestContext& ctx, const sdk::Drill& drill, bool can_write, const DrillEvaluationForm& form,
                   data& d) {
  const bool en = ctx.english();
  d.set("evaluated", ctx.query("evaluated") == "1");
  const auto evaluation = store::DrillEvaluationRepository(ctx.db().session()).findByDrill(drill.id);
  if (evaluation) {
    d.set("evaluation", render::toMustacheData(drillEvaluationJson(ctx, *evaluation)));
    return;
  }
  if (drill.verdict != sdk::DrillVerdict::None) {
    d.set("evaluation_note", pageWord("evaluation_note_in_record", en));
  } else {
    const int days = rules::DrillDuties::evaluationDays(ctx.state.app.rulesConfig());
    const std::string due = drill.date.addDays(days).toString();
    d.set("evaluation_note", pageWord("evaluation_note_due", en, {due, std::to_string(days)}));
  }
  if (!can_write) return;
  data f;
  data verdicts{data::type::list};
  for (const auto v : {sdk::DrillVerdict::Excellent, sdk::DrillVerdict::Good, sdk::DrillVerdict::Fair,
                       sdk::DrillVerdict::Poor}) {
    data item;
    item.set("value", std::string(sdk::toId(v)));
    item.set("label", std::string(labelIn(v, en)));
    item.set("selected", form.verdict == sdk::toId(v));
    verdicts.push_back(item);
  }
  f.set("verdicts", verdicts);
  f.set("findings", form.findings);
  f.set("suggestions", form.suggestions);
  f.set("evaluator", form.evaluator);
  f.set("date", form.date);
  f.set("document", form.document);
  if (!form.error_field.empty()) {
    f.set("error_field", form.error_field);
    f.set("error", pageWord("field_error", en, {form.error_field, form.error_message}));
  }
  d.set("eval_form", f);
}

}  // namespace

void sendDrillPage(RequestContext& ctx, const sdk::Drill& drill, int status, const CorrectiveActionForm& form,
                   const DrillEvaluationForm& evaluation_form) {
  const auth::User& user = ctx.requireUser();
  Poco::JSON::Object::Ptr json = drillDetailJson(ctx, drill);
  // Page-only additions to each action: its status in words and whether this user may close it.
  if (auto actions = json->getArray("corrective_actions")) {
    for (std::size_t i = 0; i < actions->size(); ++i) {
      auto a = actions->getObject(static_cast<unsigned>(i));
      const std::string state = a->getValue<std::string>("status");
      const auto parsed = store::parseActionStatus(state);
      const bool open = parsed == store::ActionStatus::Open;
      a->set("status_label", parsed ? labelIn(*parsed, ctx.english()) : state);
      a->set("can_close", open && ctx.policy().canWrite(user, a->getValue<sdk::RecordId>("responsible_org_id")));
    }
  }
  data d = render::toMustacheData(json);
  const bool can_write = ctx.policy().canWrite(user, drill.org_id);
  d.set("logged", ctx.query("logged") == "1");
  d.set("action_added", ctx.query("action") == "added");
  d.set("action_updated", ctx.query("action") == "updated");
  d.set("can_write", can_write);
  d.set("corrected", ctx.query("corrected") == "1");
  d.set("can_correct", mayChangeRecord(ctx, store::RecordKind::Drill, drill.id));
  d.set("void_action", "/drills/" + std::to_string(drill.id) + "/void");
  setEvaluation(ctx, drill, can_write, evaluation_form, d);
  // 汛期内 / 森林防火期内: the domain plugin's own periods, with the deployment's dates.
  const auto periods =
      plugins::drillPeriods(ctx.state.app.plugins(), ctx.state.app.rulesConfig(), drill.domain, drill.date);
  // kainjow treats an empty string as true in a section: set it only when there is a period.
  if (!periods.empty()) d.set("period_text", plugins::periodsText(periods, ctx.english()));
  if (can_write) {
    data ca;
    ca.set("description", form.description);
    ca.set("due", form.due);
    ca.set("orgs", responsibleOrgOptions(ctx, drill, form.responsible_org_id));
    if (!form.error_field.empty()) {
      ca.set("error_field", form.error_field);
      ca.set("error", pageWord("field_error", ctx.english(),
                               {fieldLabel(ctx, form.error_field),
                                fieldMessage(ctx, form.error_field, form.error_message)}));
      ca.set("error_" + form.error_field, true);
    }
    d.set("ca_form", ca);
  }
  ctx.sendPage(status, "drill.html", d, pageWord("drill_detail", ctx.english()));
}

}  // namespace beacon::http
