// Pages of the correctable plan records, as the drill pages do for a drill
// (drill_pages.cpp): GET /reviews/{id}, /filings/{id},
// /corrective-actions/{id}, /drill-evaluations/{id}, /drill-plans/{id},
// /drill-plan-items/{id} and /plan-steps/{id} show the record (marked 已作废 when voided), its
// correction history and, for a user who may change it now, the 更正 link and
// the 作废 form; GET/POST .../{id}/edit is the record's correctable fields
// prefilled with a required reason (a refused correction re-renders 422 with
// what was typed and the message by its field); POST .../{id}/void voids it
// with a reason. Every write goes through RecordCorrection (correctRecordAs,
// voidRecordAs), the API's own path, so the scope, the correction window and
// the validation are the API's. Stateless handlers; per request.
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "http/http_error.h"
#include "http/label_language.h"

#include "http/page_support.h"

#include "http/page_text.h"
#include "http/record_correction_request.h"
#include "http/routes.h"
#include "render/json_data.h"
#include "service/record_checks.h"
#include "service/text_limits.h"
#include "store/plan_repository.h"

namespace beacon::http {

namespace {

using kainjow::mustache::data;
using Poco::JSON::Object;

struct Choice {
  std::string value;
  std::string label;
};

// One correctable field: its API name, the input it is shown in and, for a
// select, its choices.
struct FormField {
  std::string name;
  enum class Input { Text, TextArea, Date, Select } input = Input::Text;
  std::vector<Choice> choices;
};

// A record as its pages show it: the stored JSON (with void mark and
// history), where its pages live, and its correctable fields.
struct RecordPage {
  store::RecordKind kind = store::RecordKind::Review;
  sdk::RecordId id = 0;
  std::string base;  // "/reviews/12"
  std::string title;
  std::string edit_title;
  std::string back_href;
  std::string back_label;
  Object::Ptr json;
  std::vector<FormField> fields;
};

std::string text(const Object::Ptr& o, const std::string& name) {
  if (!o->has(name)) return "";
  const Poco::Dynamic::Var v = o->get(name);
  return v.isEmpty() ? std::string() : v.toString();
}

const char* basePath(store::RecordKind kind) {
  switch (kind) {
    case store::RecordKind::Review:
      return "/reviews/";
    case store::RecordKind::Filing:
      return "/filings/";
    case store::RecordKind::CorrectiveAction:
      return "/corrective-actions/";
    case store::RecordKind::DrillEvaluation:
      return "/drill-evaluations/";
    case store::RecordKind::DrillPlan:
      return "/drill-plans/";
    case store::RecordKind::DrillPlanItem:
      return "/drill-plan-items/";
    case store::RecordKind::PlanTransition:
      return "/plan-steps/";
    case store::RecordKind::Drill:
      break;
  }
  return "/drills/";
}

// The plan's versions as choices (value: the version's id), with "none"
// when the record names no version.
std::vector<Choice> versionChoices(RequestContext& ctx, sdk::RecordId plan_id,
                                   const std::string& current) {
  std::vector<Choice> out;
  if (current.empty() || current == "0")
    out.push_back({current, pageWord("version_unspecified", ctx.english())});
  for (const auto& v : store::PlanRepository(ctx.db().session()).versions(plan_id, false)) {
    out.push_back(
        {std::to_string(v.id),
         "v" + std::to_string(v.number) + (v.issued.isSet() ? " · " + v.issued.toString() : "")});
  }
  return out;
}

// The organisations the user may make responsible, and the current one.
std::vector<Choice> responsibleChoices(RequestContext& ctx, const std::string& current) {
  const auth::Scope scope = ctx.policy().writeScope(ctx.requireUser());
  std::vector<Choice> out;
  for (const auto& o : ctx.organisations().list()) {
    if (scope.contains(o.id) || std::to_string(o.id) == current)
      out.push_back({std::to_string(o.id), o.name});
  }
  return out;
}

template <typename Enum>
std::vector<Choice> enumChoices(RequestContext& ctx, std::initializer_list<Enum> values) {
  std::vector<Choice> out;
  for (Enum v : values) out.push_back({sdk::toId(v), labelIn(v, ctx.english())});
  return out;
}

RecordPage loadPage(RequestContext& ctx, store::RecordKind kind, sdk::RecordId id) {
  const bool en = ctx.english();
  RecordPage page;
  page.kind = kind;
  page.id = id;
  page.json = readableRecordJson(ctx, kind, id);
  page.base = basePath(kind) + std::to_string(id);
  using Input = FormField::Input;
  const Object::Ptr& j = page.json;
  if (kind == store::RecordKind::Review) {
    const bool evaluation = text(j, "kind") == "evaluation";
    page.title = pageWord(evaluation ? "record_evaluation_title" : "record_review_title", en);
    page.edit_title = pageWord(evaluation ? "record_evaluation_edit" : "record_review_edit", en);
    page.fields = {
        {"kind", Input::Select,
         enumChoices(ctx, {sdk::ReviewKind::Evaluation, sdk::ReviewKind::Review})},
        {"date", Input::Date, {}},
        {"plan_version_id", Input::Select,
         versionChoices(ctx, j->getValue<sdk::RecordId>("plan_id"), text(j, "plan_version_id"))},
        {"reviewers", Input::Text, {}},
        {"conclusion", Input::Select,
         enumChoices(ctx, {sdk::ReviewConclusion::Keep, sdk::ReviewConclusion::Revise})},
        {"findings", Input::TextArea, {}}};
  } else if (kind == store::RecordKind::Filing) {
    page.title = pageWord("record_filing_title", en);
    page.edit_title = pageWord("record_filing_edit", en);
    page.fields = {
        {"plan_version_id", Input::Select,
         versionChoices(ctx, j->getValue<sdk::RecordId>("plan_id"), text(j, "plan_version_id"))},
        {"target_body", Input::Text, {}},
        {"submitted", Input::Date, {}},
        {"registration_no", Input::Text, {}},
        {"published", Input::Date, {}}};
  } else if (kind == store::RecordKind::DrillEvaluation) {
    page.title = pageWord("record_drill_evaluation_title", en);
    page.edit_title = pageWord("record_drill_evaluation_edit", en);
    page.fields = {{"verdict", Input::Select,
                    enumChoices(ctx, {sdk::DrillVerdict::Excellent, sdk::DrillVerdict::Good,
                                      sdk::DrillVerdict::Fair, sdk::DrillVerdict::Poor})},
                   {"evaluator", Input::Text, {}},
                   {"date", Input::Date, {}},
                   {"findings", Input::TextArea, {}},
                   {"suggestions", Input::TextArea, {}},
                   {"document", Input::Text, {}}};
  } else if (kind == store::RecordKind::DrillPlan) {
    page.title = pageWord("record_drill_plan_title", en);
    page.edit_title = pageWord("record_drill_plan_edit", en);
    page.fields = {{"made_on", Input::Date, {}}, {"note", Input::TextArea, {}}};
  } else if (kind == store::RecordKind::DrillPlanItem) {
    page.title = pageWord("record_drill_plan_item_title", en);
    page.edit_title = pageWord("record_drill_plan_item_edit", en);
    std::vector<Choice> months;
    for (int m = 1; m <= 12; ++m)
      months.push_back({std::to_string(m), pageWord("month_choice", en, {std::to_string(m)})});

    std::vector<Choice> types;
    for (const auto* plugin : ctx.state.app.plugins().enabled()) {
      for (const auto& t : plugin->drill_types)
        types.push_back({t.id, inLanguage(en, t.label_en, t.label_zh)});
    }
    page.fields = {{"drill_type", Input::Select, types},
                   {"month", Input::Select, months},
                   {"plan_id", Input::Text, {}},
                   {"note", Input::TextArea, {}}};
  } else if (kind == store::RecordKind::PlanTransition) {
    page.title = pageWord("record_plan_step_title", en);
    page.edit_title = pageWord("record_plan_step_edit", en);
    page.fields = {{"date", Input::Date, {}},
                   {"body", Input::Text, {}},
                   {"document", Input::Text, {}},
                   {"note", Input::TextArea, {}}};
  } else {
    page.title = pageWord("record_corrective_action_title", en);
    page.edit_title = pageWord("record_corrective_action_edit", en);
    page.fields = {{"description", Input::TextArea, {}},
                   {"responsible_org_id", Input::Select,
                    responsibleChoices(ctx, text(j, "responsible_org_id"))},
                   {"due", Input::Date, {}}};
  }
  const std::string source_kind = text(j, "source_kind");
  if (kind == store::RecordKind::CorrectiveAction && source_kind == "drill" &&
      text(j, "source_id") != "0") {
    page.back_href = "/drills/" + text(j, "source_id");
    page.back_label = pageWord("back_to_drill", en);
  } else if (kind == store::RecordKind::DrillEvaluation) {
    page.back_href = "/drills/" + text(j, "drill_id");
    page.back_label = pageWord("back_to_drill", en);
  } else if (kind == store::RecordKind::DrillPlan || kind == store::RecordKind::DrillPlanItem) {
    page.back_href = "/drill-plans";
    page.back_label = pageWord("back_to_drill_plans", en);
  } else if (!text(j, "plan_id").empty() && text(j, "plan_id") != "0") {
    page.back_href = "/plans/" + text(j, "plan_id");
    page.back_label = pageWord("back_to_plan", en);
  } else {
    page.back_href = "/";
    page.back_label = pageWord("back", en);
  }
  return page;
}

// The shown value of a field: a select's label for the stored value.
std::string shownValue(const FormField& f, const std::string& value) {
  for (const auto& c : f.choices) {
    if (c.value == value) return c.label;
  }
  return value;
}

data pageData(const RecordPage& page) {
  data d = render::toMustacheData(page.json);
  d.set("base", page.base);
  d.set("heading", page.title);
  d.set("back_href", page.back_href);
  d.set("back_label", page.back_label);
  d.set("void_action", page.base + "/void");
  return d;
}

void sendRecordPage(RequestContext& ctx, const RecordPage& page, int status,
                    const std::string& void_error = "", const std::string& void_reason = "") {
  data d = pageData(page);
  data fields{data::type::list};
  for (const auto& f : page.fields) {
    data item;
    item.set("name", f.name);
    item.set("label", correctionFieldLabel(f.name, ctx.english()));
    item.set("shown", shownValue(f, text(page.json, f.name)));
    fields.push_back(item);
  }
  d.set("fields", fields);
  d.set("corrected", ctx.query("corrected") == "1");
  d.set("can_correct", mayChangeRecord(ctx, page.kind, page.id));
  d.set("not_voidable", page.kind == store::RecordKind::DrillPlan);  // its planned drills are voided
  d.set("void_reason_typed", void_reason);
  if (!void_error.empty()) d.set("void_error", void_error);
  ctx.sendPage(status, "record.html", d, page.title);
}

// The edit form with `values` (API name → typed value) and `errors` by field.
void sendEditForm(RequestContext& ctx, const RecordPage& page, int status,
                  const std::map<std::string, std::string>& values, const std::string& reason,
                  const std::map<std::string, std::string>& errors) {
  data d = pageData(page);
  d.set("heading", page.edit_title);
  data fields{data::type::list};
  for (const auto& f : page.fields) {
    const auto typed = values.find(f.name);
    const std::string value = typed == values.end() ? text(page.json, f.name) : typed->second;
    data item;
    item.set("name", f.name);
    item.set("label", correctionFieldLabel(f.name, ctx.english()));
    item.set("value", value);
    item.set("is_text", f.input == FormField::Input::Text);
    item.set("is_textarea", f.input == FormField::Input::TextArea);
    item.set("is_date", f.input == FormField::Input::Date);
    item.set("is_select", f.input == FormField::Input::Select);
    data options{data::type::list};
    bool found = false;
    for (const auto& c : f.choices) {
      data o;
      o.set("value", c.value);
      o.set("label", c.label);
      o.set("selected", c.value == value);
      found = found || c.value == value;
      options.push_back(o);
    }
    if (f.input == FormField::Input::Select &&
        !found) {  // a typed value not offered is shown as typed
      data o;
      o.set("value", value);
      o.set("label", value);
      o.set("selected", true);
      options.push_back(o);
    }
    item.set("options", options);
    const std::string error = errorFor(errors, f.name);
    if (!error.empty()) item.set("field_error", error);
    fields.push_back(item);
  }
  d.set("fields", fields);
  d.set("reason", reason);
  d.set("errors", fieldErrors(errors, {"reason", "changes"}));
  ctx.sendPage(status, "record_form.html", d, page.edit_title);
}

// The record, when the user may change it now (403 otherwise, 409 when voided).
RecordPage changeablePage(RequestContext& ctx, store::RecordKind kind) {
  RecordPage page = loadPage(ctx, kind, ctx.idParam("id"));
  requireChangeable(ctx, kind, page.id);
  return page;
}

template <store::RecordKind Kind>
void showRecord(RequestContext& ctx) {
  sendRecordPage(ctx, loadPage(ctx, Kind, ctx.idParam("id")), 200);
}

template <store::RecordKind Kind>
void editForm(RequestContext& ctx) {
  const RecordPage page = changeablePage(ctx, Kind);
  sendEditForm(ctx, page, 200, {}, "", {});
}

template <store::RecordKind Kind>
void submitCorrection(RequestContext& ctx) {
  ctx.form();  // the CSRF check comes before anything else
  const RecordPage page = changeablePage(ctx, Kind);
  std::map<std::string, std::string> typed;
  service::FieldChanges changes;
  for (const auto& f : page.fields) {
    if (!ctx.form().has(f.name)) continue;
    typed[f.name] = ctx.formValue(f.name);
    if (typed[f.name] != text(page.json, f.name)) changes[f.name] = typed[f.name];
  }
  const std::string reason = ctx.formValue("reason");
  const service::CorrectionOutcome out = correctRecordAs(ctx, Kind, page.id, changes, reason);
  if (out.ok()) {
    ctx.redirect(page.base + "?corrected=1");
    return;
  }
  if (out.failure != service::CorrectionFailure::Invalid) throwIfFailed(out);
  std::string field = out.status.field();
  bool known = field == "reason";
  for (const auto& f : page.fields) known = known || f.name == field;
  if (!known) field = "changes";
  sendEditForm(ctx, page, 422, typed, reason,
               {{field, service::localisedMessage(out.status.message(), ctx.english())}});
}

template <store::RecordKind Kind>
void voidFromForm(RequestContext& ctx) {
  ctx.form();
  const RecordPage page = loadPage(ctx, Kind, ctx.idParam("id"));
  const std::string reason = ctx.formValue("reason");
  const service::CorrectionOutcome out = voidRecordAs(ctx, Kind, page.id, reason);
  if (out.ok()) {
    ctx.redirect(page.base + "?voided=1");
    return;
  }
  if (out.failure != service::CorrectionFailure::Invalid) throwIfFailed(out);
  sendRecordPage(ctx, page, 422, service::localisedMessage(out.status.message(), ctx.english()),
                 reason);
}

template <store::RecordKind Kind>
void addPagesOf(Router& router, const std::string& prefix) {
  router.add("GET", prefix + "/{id}", showRecord<Kind>);
  router.add("GET", prefix + "/{id}/edit", editForm<Kind>);
  router.add("POST", prefix + "/{id}/edit", submitCorrection<Kind>);
  router.add("POST", prefix + "/{id}/void", voidFromForm<Kind>);
}

}  // namespace

void addRecordPages(Router& router) {
  addPagesOf<store::RecordKind::Review>(router, "/reviews");
  addPagesOf<store::RecordKind::Filing>(router, "/filings");
  addPagesOf<store::RecordKind::CorrectiveAction>(router, "/corrective-actions");
  addPagesOf<store::RecordKind::DrillEvaluation>(router, "/drill-evaluations");
  addPagesOf<store::RecordKind::DrillPlanItem>(router, "/drill-plan-items");
  addPagesOf<store::RecordKind::PlanTransition>(router, "/plan-steps");
  // A drill plan is only corrected; its 作废 form answers 422 (its planned drills are voided).
  addPagesOf<store::RecordKind::DrillPlan>(router, "/drill-plans");
}

}  // namespace beacon::http
