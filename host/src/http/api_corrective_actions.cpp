// /api/v1/corrective-actions: list (plan, source drill, open), create,
// update status (PATCH or POST .../status).
#include <Poco/JSON/Array.h>

#include "http/http_error.h"
#include "http/json_fields.h"
#include "http/record_detail.h"
#include "http/routes.h"
#include "service/plan_service.h"
#include "store/corrective_action_repository.h"
#include "store/record_json.h"

namespace beacon::http {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

void listActions(RequestContext& ctx) {
  const auth::Scope scope = ctx.policy().scope(ctx.requireUser());
  store::CorrectiveActionRepository repo(ctx.db().session());
  const bool open_only = ctx.query("open") == "1" || ctx.query("open") == "true";
  std::vector<sdk::CorrectiveAction> actions;
  if (ctx.hasQuery("drill")) {
    const sdk::Drill drill = readableDrill(ctx, ctx.queryInt("drill", 0, 1, 2000000000));
    actions = repo.listForSource(sdk::SourceKind::Drill, drill.id);
  } else {
    sdk::RecordId plan_id = 0;
    if (ctx.hasQuery("plan")) plan_id = readablePlan(ctx, ctx.queryInt("plan", 0, 1, 2000000000)).id;
    actions = repo.listForPlan(plan_id, open_only);
  }
  Array::Ptr items = new Array();
  for (const auto& a : actions) {
    if (!scope.contains(a.responsible_org_id)) continue;
    if (open_only && a.status != sdk::ActionStatus::Open) continue;
    items->add(store::toJson(a));
  }
  Object::Ptr out = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  out->set("total", items->size());
  out->set("items", items);
  ctx.sendJson(200, out);
}

void createAction(RequestContext& ctx) {
  JsonFields f(ctx.jsonBody());
  sdk::CorrectiveAction a;
  const std::string source = f.text("source_kind", "drill");
  if (source == "drill") {
    a.source_kind = sdk::SourceKind::Drill;
  } else if (source == "review") {
    a.source_kind = sdk::SourceKind::Review;
  } else {
    throw HttpError::invalid("source_kind", "must be drill or review");
  }
  a.source_id = f.id("source_id");
  a.plan_id = f.id("plan_id");
  a.description = f.text("description");
  a.responsible_org_id = f.id("responsible_org_id");
  a.due = f.date("due");
  a.plan_defect = f.boolean("plan_defect", false);
  if (a.source_kind == sdk::SourceKind::Drill && a.source_id != 0) {
    const sdk::Drill drill = readableDrill(ctx, a.source_id);
    ctx.requireWrite(drill.org_id);
    if (a.plan_id == 0) a.plan_id = drill.plan_id;
  }
  if (a.responsible_org_id != 0 && ctx.organisations().findById(a.responsible_org_id)) {
    ctx.requireWrite(a.responsible_org_id);
  }
  auto id = service::PlanService(ctx.db(), ctx.state.app.plugins()).addCorrectiveAction(a, ctx.actor());
  if (!id.isOk()) throw HttpError::invalid(id.status());
  ctx.sendJson(201, store::toJson(*store::CorrectiveActionRepository(ctx.db().session()).findById(id.value())));
}

void updateAction(RequestContext& ctx) {
  store::CorrectiveActionRepository repo(ctx.db().session());
  auto action = repo.findById(ctx.idParam("id"));
  if (!action) throw HttpError::notFound("no corrective action " + ctx.param("id"));
  ctx.requireRead(action->responsible_org_id);
  ctx.requireWrite(action->responsible_org_id);
  JsonFields f(ctx.jsonBody());
  auto status = sdk::parseActionStatus(f.text("status"));
  if (!status) throw HttpError::invalid("status", "must be open or done");
  repo.setStatus(action->id, *status, ctx.actor());
  ctx.sendJson(200, store::toJson(*repo.findById(action->id)));
}

}  // namespace

void addCorrectiveActionApi(Router& router) {
  router.addCacheable("/api/v1/corrective-actions", listActions);
  router.add("POST", "/api/v1/corrective-actions", createAction);
  router.add("PATCH", "/api/v1/corrective-actions/{id}", updateAction);
  router.add("POST", "/api/v1/corrective-actions/{id}/status", updateAction);
}

}  // namespace beacon::http
