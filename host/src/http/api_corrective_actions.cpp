// /api/v1/corrective-actions: list (plan, source drill, open), create,
// update status (PATCH or POST .../status).
#include <Poco/JSON/Array.h>

#include "http/corrective_action_intake.h"
#include "http/http_error.h"
#include "http/json_fields.h"
#include "http/record_correction_request.h"
#include "http/record_detail.h"
#include "http/routes.h"
#include "store/corrective_action.h"
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
  std::vector<store::CorrectiveAction> actions;
  if (ctx.hasQuery("drill")) {
    const sdk::Drill drill = readableDrill(ctx, ctx.queryInt("drill", 0, 1, 2000000000));
    actions = repo.listForSource(store::SourceKind::Drill, drill.id);
  } else {
    sdk::RecordId plan_id = 0;
    if (ctx.hasQuery("plan")) plan_id = readablePlan(ctx, ctx.queryInt("plan", 0, 1, 2000000000)).id;
    actions = repo.listForPlan(plan_id, open_only);
  }
  // Voided actions are listed, marked, and left out of "total" (and of ?open=1).
  Array::Ptr items = new Array();
  const auto voided = voidedIds(ctx, store::RecordKind::CorrectiveAction, actions);
  std::size_t total = 0;
  for (const auto& a : actions) {
    if (!scope.contains(a.responsible_org_id)) continue;
    const bool is_voided = voided.count(a.id) > 0;
    if (open_only && (a.status != store::ActionStatus::Open || is_voided)) continue;
    Object::Ptr item = store::toJson(a);
    item->set("voided", is_voided);
    items->add(item);
    if (!is_voided) ++total;
  }
  Object::Ptr out = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  out->set("total", total);
  out->set("items", items);
  ctx.sendJson(200, out);
}

void createAction(RequestContext& ctx) {
  const sdk::RecordId id = createCorrectiveAction(ctx, JsonFields(ctx.jsonBody()));
  ctx.sendJson(201, store::toJson(*store::CorrectiveActionRepository(ctx.db().session()).findById(id)));
}

void updateAction(RequestContext& ctx) {
  // With a "reason" the PATCH is a correction (api_corrections.cpp, RecordCorrection).
  if (ctx.request.getMethod() == "PATCH" && ctx.jsonBody()->has("reason")) {
    correctCorrectiveActionFromApi(ctx);
    return;
  }
  const store::CorrectiveAction action = changeableCorrectiveAction(ctx, ctx.idParam("id"));
  JsonFields f(ctx.jsonBody());
  ctx.sendJson(200, store::toJson(setCorrectiveActionStatus(ctx, action, f.text("status"))));
}

}  // namespace

void addCorrectiveActionApi(Router& router) {
  router.addCacheable("/api/v1/corrective-actions", listActions);
  router.add("POST", "/api/v1/corrective-actions", createAction);
  router.add("PATCH", "/api/v1/corrective-actions/{id}", updateAction);
  router.add("POST", "/api/v1/corrective-actions/{id}/status", updateAction);
}

}  // namespace beacon::http
