// Drill plan pages: GET /drill-plans?org=&year= (年度演练计划: each readable
// organisation's plan of the year with plan versus actual, and for a user who
// may write an organisation the form adding a planned drill), POST
// /drill-plans (that form), and POST /drills/{id}/evaluation (the evaluation
// form on the drill page, 演练评估报告). Both forms check the CSRF token
// first, then the write scope (403), and go through the services the API
// uses; success redirects (303), invalid input re-renders the page with a 422
// naming the field and nothing stored.
#include <Poco/NumberParser.h>

#include "http/drill_detail_page.h"
#include "http/drill_logging.h"
#include "http/drill_plan_json.h"
#include "http/drill_plan_routes.h"
#include "http/http_error.h"
#include "http/label_language.h"
#include "http/org_scope.h"
#include "http/page_text.h"
#include "http/record_detail.h"
#include "http/routes.h"
#include "http/status_http.h"
#include "render/json_data.h"
#include "service/drill_evaluation_service.h"
#include "service/drill_plan_service.h"
#include "service/record_checks.h"
#include "store/drill_plan_repository.h"
#include "store/plan_repository.h"
#include "store/record_parse.h"

namespace beacon::http {

namespace {

using kainjow::mustache::data;

// What the user typed into the planned-drill form, and the field in error.
struct PlanItemForm {
  std::string org;
  std::string year;
  std::string made_on;
  std::string drill_type;
  std::string month;
  std::string plan;
  std::string note;
  std::string error_field;
  std::string error;
};

int yearOf(RequestContext& ctx) {
  const int year = ctx.queryInt("year", 0, 0, 2100);
  return year != 0 ? year : service::today().year;
}

void sendPlansPage(RequestContext& ctx, int year, int status, PlanItemForm form) {
  const auth::User& user = ctx.requireUser();
  const bool en = ctx.english();
  const OrgFilter orgs = readableOrgs(ctx, ctx.query("org"), "org");
  const sdk::Date as_of = service::today();
  data plans{data::type::list};
  if (!orgs.none()) {
    service::DrillPlanService service(ctx.db(), ctx.state.app.plugins(), en);
    for (const auto& p : store::DrillPlanRepository(ctx.db().session()).list(orgs.ids, year)) {
      plans.push_back(render::toMustacheData(drillPlanJson(ctx, p, service.progress(p, as_of), as_of)));
    }
  }
  data d;
  d.set("year", std::to_string(year));
  d.set("org", ctx.query("org"));
  d.set("plans", plans);
  d.set("added", ctx.query("added") == "1");
  const auth::Scope scope = ctx.policy().writeScope(user);
  data org_options{data::type::list};
  if (form.org.empty()) form.org = ctx.query("org");
  for (const auto& o : ctx.organisations().list()) {
    if (!scope.contains(o.id)) continue;
    data item;
    item.set("value", o.code);
    item.set("label", o.name);
    item.set("selected", o.code == form.org);
    org_options.push_back(item);
  }
  if (!org_options.is_empty_list()) {
    data types{data::type::list};
    for (const auto* record : ctx.state.app.plugins().enabled()) {
      for (const auto& t : record->drill_types) {
        data item;
        item.set("value", t.id);
        item.set("label", inLanguage(en, t.label_en, t.label_zh));
        item.set("selected", t.id == form.drill_type);
        types.push_back(item);
      }
    }
    data months{data::type::list};
    for (int m = 1; m <= 12; ++m) {
      data item;
      item.set("value", std::to_string(m));
      item.set("selected", std::to_string(m) == form.month);
      months.push_back(item);
    }
    data f;
    f.set("orgs", org_options);
    f.set("types", types);
    f.set("months", months);
    f.set("year", form.year.empty() ? std::to_string(year) : form.year);
    f.set("made_on", form.made_on.empty() ? service::today().toString() : form.made_on);
    f.set("plan", form.plan);
    f.set("note", form.note);
    if (!form.error_field.empty()) {
      f.set("error_field", form.error_field);
      f.set("error", pageWord("field_error", en, {form.error_field, form.error}));
    }
    d.set("item_form", f);
  }
  ctx.sendPage(status, "drill_plans.html", d, pageWord("drill_plans", en));
}

void drillPlansPage(RequestContext& ctx) { sendPlansPage(ctx, yearOf(ctx), 200, {}); }

void addPlanItemFromForm(RequestContext& ctx) {
  ctx.form();  // the CSRF check comes before anything else
  PlanItemForm form;
  form.org = ctx.formValue("org");
  form.year = ctx.formValue("year");
  form.made_on = ctx.formValue("made_on");
  form.drill_type = ctx.formValue("drill_type");
  form.month = ctx.formValue("month");
  form.plan = ctx.formValue("plan");
  form.note = ctx.formValue("note");
  const bool en = ctx.english();
  const auto org = ctx.organisations().findByCode(form.org);
  if (!org) throw HttpError::invalid("org", pageWord("refuse_no_such_organisation", en));
  ctx.requireWrite(org->id);
  store::DrillPlan plan;
  plan.org_id = org->id;
  int number = 0;
  plan.year = Poco::NumberParser::tryParse(form.year, number) ? number : 0;
  plan.made_on = sdk::Date::parse(form.made_on).value_or(sdk::Date{});
  store::DrillPlanItem item;
  item.drill_type = form.drill_type;
  item.month = Poco::NumberParser::tryParse(form.month, number) ? number : 0;
  item.note = form.note;
  sdk::Status status = sdk::Status::ok();
  if (!form.plan.empty()) {
    const auto p = store::PlanRepository(ctx.db().session()).findByCode(form.plan);
    status = checkDrillPlan(ctx, plan.org_id, p, "plan", "\"" + form.plan + "\"");
    if (status.isOk()) item.plan_id = p->id;
  }
  plan.items.push_back(item);
  if (status.isOk()) {
    auto id = service::DrillPlanService(ctx.db(), ctx.state.app.plugins(), en).add(plan, ctx.actor());
    if (id.isOk()) {
      ctx.redirect("/drill-plans?org=" + org->code + "&year=" + std::to_string(plan.year) + "&added=1");
      return;
    }
    status = id.status();
  }
  form.error_field = status.field();
  form.error = status.message();
  sendPlansPage(ctx, plan.year >= 2000 && plan.year <= 2100 ? plan.year : service::today().year,
                httpStatusOf(status.code()).status, form);
}

void evaluateFromForm(RequestContext& ctx) {
  ctx.form();
  const sdk::Drill drill = readableDrill(ctx, ctx.idParam("id"));
  ctx.requireWrite(drill.org_id);
  DrillEvaluationForm form;
  form.verdict = ctx.formValue("verdict");
  form.findings = ctx.formValue("findings");
  form.suggestions = ctx.formValue("suggestions");
  form.evaluator = ctx.formValue("evaluator");
  form.date = ctx.formValue("date");
  form.document = ctx.formValue("document");
  store::DrillEvaluation e;
  e.drill_id = drill.id;
  e.verdict = store::parseDrillVerdict(form.verdict).value_or(sdk::DrillVerdict::None);
  e.findings = form.findings;
  e.suggestions = form.suggestions;
  e.evaluator = form.evaluator;
  e.date = sdk::Date::parse(form.date).value_or(sdk::Date{});
  e.document = form.document;
  auto id = service::DrillEvaluationService(ctx.db(), ctx.english()).record(e, ctx.actor());
  if (id.isOk()) {
    ctx.redirect("/drills/" + std::to_string(drill.id) + "?evaluated=1");
    return;
  }
  form.error_field = id.status().field();
  form.error_message = id.status().message();
  sendDrillPage(ctx, drill, httpStatusOf(id.status().code()).status, {}, form);
}

}  // namespace

void addDrillPlanPages(Router& router) {
  router.add("GET", "/drill-plans", drillPlansPage);
  router.add("POST", "/drill-plans", addPlanItemFromForm);
  router.add("POST", "/drills/{id}/evaluation", evaluateFromForm);
}

}  // namespace beacon::http
