// Corrections and voids in the API: PATCH /api/v1/{drills,reviews,filings,
// corrective-actions,drill-evaluations,drill-plans,drill-plan-items,
// plan-steps}/{id} with the changed fields and "reason", POST .../{id}/void
// with "reason" (not for a drill plan as a whole) (docs/api.md, "Correcting
// and voiding records"). A drill is answered as GET does; the others as their record
// JSON; each with its "voided" flag and "corrections" history. (PATCH of a
// corrective action without "reason" is its status change, api_corrective_actions.cpp.)
#include <Poco/JSON/Array.h>

#include "http/http_error.h"
#include "http/record_correction_request.h"
#include "http/record_detail.h"
#include "http/routes.h"

namespace beacon::http {

namespace {

using Poco::JSON::Object;

std::string text(const Poco::Dynamic::Var& v) { return v.isEmpty() ? std::string() : v.toString(); }

// The body's fields other than "reason", by API name; "fields" {name: value} becomes fields.<name>.
service::FieldChanges changesOf(const Object::Ptr& body) {
  service::FieldChanges out;
  for (const auto& [name, value] : *body) {
    if (name == "reason") continue;
    if (name == "fields") {
      if (value.type() != typeid(Object::Ptr))
        throw HttpError::invalid("fields", "must be an object of name: value");
      for (const auto& [k, v] : *value.extract<Object::Ptr>()) out["fields." + k] = text(v);
      continue;
    }
    if (value.type() == typeid(Object::Ptr) || value.type() == typeid(Poco::JSON::Array::Ptr)) {
      throw HttpError::invalid(name, "must be a single value");
    }
    out[name] = text(value);
  }
  return out;
}

std::string reasonOf(const Object::Ptr& body) {
  return body->has("reason") ? text(body->get("reason")) : "";
}

void correctDrill(RequestContext& ctx) {
  const sdk::RecordId id = ctx.idParam("id");
  readableDrill(ctx, id);
  const Object::Ptr body = ctx.jsonBody();
  throwIfFailed(correctDrillAs(ctx, id, changesOf(body), reasonOf(body)));
  ctx.sendJson(200, drillDetailJson(ctx, readableDrill(ctx, id)));
}

void voidDrill(RequestContext& ctx) {
  const sdk::RecordId id = ctx.idParam("id");
  readableDrill(ctx, id);
  throwIfFailed(voidRecordAs(ctx, store::RecordKind::Drill, id, reasonOf(ctx.jsonBody())));
  ctx.sendJson(200, drillDetailJson(ctx, readableDrill(ctx, id)));
}

template <store::RecordKind Kind>
void correctRecord(RequestContext& ctx) {
  const sdk::RecordId id = ctx.idParam("id");
  readableRecordJson(ctx, Kind, id);
  const Object::Ptr body = ctx.jsonBody();
  throwIfFailed(correctRecordAs(ctx, Kind, id, changesOf(body), reasonOf(body)));
  ctx.sendJson(200, readableRecordJson(ctx, Kind, id));
}

template <store::RecordKind Kind>
void voidRecord(RequestContext& ctx) {
  const sdk::RecordId id = ctx.idParam("id");
  readableRecordJson(ctx, Kind, id);
  throwIfFailed(voidRecordAs(ctx, Kind, id, reasonOf(ctx.jsonBody())));
  ctx.sendJson(200, readableRecordJson(ctx, Kind, id));
}

}  // namespace

void correctCorrectiveActionFromApi(RequestContext& ctx) {
  correctRecord<store::RecordKind::CorrectiveAction>(ctx);
}

void addCorrectionApi(Router& router) {
  using store::RecordKind;
  router.add("PATCH", "/api/v1/drills/{id}", correctDrill);
  router.add("POST", "/api/v1/drills/{id}/void", voidDrill);
  router.add("PATCH", "/api/v1/reviews/{id}", correctRecord<RecordKind::Review>);
  router.add("POST", "/api/v1/reviews/{id}/void", voidRecord<RecordKind::Review>);
  router.add("PATCH", "/api/v1/filings/{id}", correctRecord<RecordKind::Filing>);
  router.add("POST", "/api/v1/filings/{id}/void", voidRecord<RecordKind::Filing>);
  router.add("POST", "/api/v1/corrective-actions/{id}/void",
             voidRecord<RecordKind::CorrectiveAction>);
  router.add("PATCH", "/api/v1/drill-evaluations/{id}", correctRecord<RecordKind::DrillEvaluation>);
  router.add("POST", "/api/v1/drill-evaluations/{id}/void", voidRecord<RecordKind::DrillEvaluation>);
  router.add("PATCH", "/api/v1/drill-plans/{id}", correctRecord<RecordKind::DrillPlan>);
  router.add("PATCH", "/api/v1/drill-plan-items/{id}", correctRecord<RecordKind::DrillPlanItem>);
  router.add("POST", "/api/v1/drill-plan-items/{id}/void", voidRecord<RecordKind::DrillPlanItem>);
  router.add("PATCH", "/api/v1/plan-steps/{id}", correctRecord<RecordKind::PlanTransition>);
  router.add("POST", "/api/v1/plan-steps/{id}/void", voidRecord<RecordKind::PlanTransition>);
}

}  // namespace beacon::http
