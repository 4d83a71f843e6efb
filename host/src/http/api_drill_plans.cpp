// /api/v1/drill-plans: annual drill plans with plan versus actual (list by
// organisation subtree and year, show, create or add items); and
// /api/v1/drills/{id}/evaluation: a drill's evaluation report (show, create).
#include <Poco/JSON/Array.h>

#include "http/drill_logging.h"
#include "http/drill_plan_json.h"
#include "http/drill_plan_routes.h"
#include "http/http_error.h"
#include "http/json_fields.h"
#include "http/org_scope.h"
#include "http/page_text.h"

#include "http/record_detail.h"
#include "http/routes.h"
#include "service/drill_evaluation_service.h"
#include "service/drill_plan_service.h"
#include "service/record_checks.h"
#include "store/drill_evaluation_repository.h"
#include "store/drill_plan_repository.h"
#include "store/plan_repository.h"
#include "store/record_parse.h"

namespace beacon::http {

namespace {

sdk::Date asOf(RequestContext& ctx) {
  const sdk::Date d = ctx.queryDate("as_of");
  return d.isSet() ? d : service::today();
}

void listDrillPlans(RequestContext& ctx) {
  const int year = ctx.queryInt("year", 0, 0, 2100);
  const OrgFilter orgs = readableOrgs(ctx, ctx.query("org"), "org");
  const sdk::Date as_of = asOf(ctx);
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  if (!orgs.none()) {
    service::DrillPlanService service(ctx.db(), ctx.state.app.plugins(), ctx.english());
    for (const auto& p : store::DrillPlanRepository(ctx.db().session()).list(orgs.ids, year)) {
      items->add(drillPlanJson(ctx, p, service.progress(p, as_of), as_of));
    }
  }
  Poco::JSON::Object::Ptr out = new Poco::JSON::Object;
  out->set("total", static_cast<int>(items->size()));
  out->set("items", items);
  ctx.sendJson(200, out);
}

store::DrillPlan readableDrillPlan(RequestContext& ctx, sdk::RecordId id) {
  auto plan = store::DrillPlanRepository(ctx.db().session()).findById(id);
  if (!plan) throw HttpError::notFound("no drill plan #" + std::to_string(id));
  ctx.requireRead(plan->org_id);
  return *plan;
}

void showDrillPlan(RequestContext& ctx) {
  const store::DrillPlan plan = readableDrillPlan(ctx, ctx.idParam("id"));
  const sdk::Date as_of = asOf(ctx);
  service::DrillPlanService service(ctx.db(), ctx.state.app.plugins(), ctx.english());
  ctx.sendJson(200, drillPlanJson(ctx, plan, service.progress(plan, as_of), as_of));
}

// The organisation named by "org" (code) or "org_id": 422 when there is none, 403 when not writable.
sdk::RecordId writableOrg(RequestContext& ctx, const JsonFields& f) {
  std::optional<sdk::Organisation> org;
  std::string field = "org_id";
  if (f.has("org")) {
    field = "org";
    org = ctx.organisations().findByCode(f.text("org"));
  } else if (const sdk::RecordId id = f.id("org_id")) {
    org = ctx.organisations().findById(id);
  }
  if (!org) throw HttpError::invalid(field, pageWord("refuse_no_such_organisation", ctx.english()));
  ctx.requireWrite(org->id);
  return org->id;
}

void createDrillPlan(RequestContext& ctx) {
  Poco::JSON::Object::Ptr body = ctx.jsonBody();
  JsonFields f(body);
  store::DrillPlan plan;
  plan.org_id = writableOrg(ctx, f);
  plan.year = f.integer("year", 0);
  plan.made_on = f.has("made_on") ? f.date("made_on") : service::today();
  plan.note = f.text("note");
  Poco::JSON::Array::Ptr items;
  if (body->has("items")) {
    if (!body->isArray("items"))
      throw HttpError::invalid("items", pageWord("refuse_not_an_array", ctx.english()));
    items = body->getArray("items");
  }
  store::PlanRepository plans(ctx.db().session());
  for (std::size_t i = 0; items && i < items->size(); ++i) {
    const std::string prefix = "items[" + std::to_string(i + 1) + "].";
    Poco::JSON::Object::Ptr object = items->getObject(static_cast<unsigned>(i));
    if (!object) {
      throw HttpError::invalid(prefix.substr(0, prefix.size() - 1),
                               pageWord("refuse_not_an_object", ctx.english()));
    }
    JsonFields item_fields(object, prefix);
    store::DrillPlanItem item;
    item.drill_type = item_fields.text("drill_type");
    item.domain = item_fields.text("domain");
    item.month = item_fields.integer("month", 0);
    item.note = item_fields.text("note");
    if (item_fields.has("plan")) {
      // A plan code that does not exist and one of another organisation get one answer.
      const auto p = plans.findByCode(item_fields.text("plan"));
      sdk::Status s = checkDrillPlan(ctx, plan.org_id, p, prefix + "plan", "\"" + item_fields.text("plan") + "\"");
      if (!s.isOk()) throw HttpError::of(s);
      item.plan_id = p->id;
    } else {
      item.plan_id = item_fields.id("plan_id");
    }
    plan.items.push_back(item);
  }
  service::DrillPlanService service(ctx.db(), ctx.state.app.plugins(), ctx.english());
  auto id = service.add(plan, ctx.actor());
  if (!id.isOk()) throw HttpError::of(id.status());
  const auto stored = store::DrillPlanRepository(ctx.db().session()).findById(id.value());
  const sdk::Date as_of = service::today();
  ctx.response.set("Location", "/api/v1/drill-plans/" + std::to_string(id.value()));
  ctx.sendJson(201, drillPlanJson(ctx, *stored, service.progress(*stored, as_of), as_of));
}

void showEvaluation(RequestContext& ctx) {
  const sdk::Drill drill = readableDrill(ctx, ctx.idParam("id"));
  const auto e = store::DrillEvaluationRepository(ctx.db().session()).findByDrill(drill.id);
  if (!e) throw HttpError::notFound("drill #" + std::to_string(drill.id) + " has no evaluation");
  ctx.sendJson(200, drillEvaluationJson(ctx, *e));
}

void createEvaluation(RequestContext& ctx) {
  const sdk::Drill drill = readableDrill(ctx, ctx.idParam("id"));
  ctx.requireWrite(drill.org_id);
  JsonFields f(ctx.jsonBody());
  store::DrillEvaluation e;
  e.drill_id = drill.id;
  if (f.has("verdict")) {
    const auto v = store::parseDrillVerdict(f.text("verdict"));
    if (!v) {
      throw HttpError::invalid("verdict", pageWord("refuse_verdict", ctx.english()));
    }
    e.verdict = *v;
  }
  e.findings = f.text("findings");
  e.suggestions = f.text("suggestions");
  e.evaluator = f.text("evaluator");
  e.date = f.date("date");
  e.document = f.text("document");
  auto id = service::DrillEvaluationService(ctx.db(), ctx.english()).record(e, ctx.actor());
  if (!id.isOk()) throw HttpError::of(id.status());
  const auto stored = store::DrillEvaluationRepository(ctx.db().session()).findById(id.value());
  ctx.response.set("Location", "/api/v1/drills/" + std::to_string(drill.id) + "/evaluation");
  ctx.sendJson(201, drillEvaluationJson(ctx, *stored));
}

}  // namespace

void addDrillPlanApi(Router& router) {
  router.add("GET", "/api/v1/drill-plans", listDrillPlans);
  router.add("POST", "/api/v1/drill-plans", createDrillPlan);
  router.add("GET", "/api/v1/drill-plans/{id}", showDrillPlan);
  router.add("GET", "/api/v1/drills/{id}/evaluation", showEvaluation);
  router.add("POST", "/api/v1/drills/{id}/evaluation", createEvaluation);
}

}  // namespace beacon::http
