#include "http/plan_transition_json.h"

#include "http/label_language.h"
#include "http/request_context.h"

#include "service/lifecycle_step.h"
#include "service/plan_lifecycle.h"
#include "store/plan_repository.h"
#include "store/record_parse.h"

namespace beacon::http {

namespace {
std::string statusLabel(const RequestContext& ctx, const std::string& id) {
  auto s = store::parsePlanStatus(id);
  if (!s) return id;
  return labelIn(*s, ctx.english());
}
}  // namespace

Poco::JSON::Object::Ptr planTransitionJson(RequestContext& ctx, const store::PlanTransition& t) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", t.id);
  o->set("plan_id", t.plan_id);
  o->set("plan_version_id", t.plan_version_id);
  o->set("version", t.version_number);
  o->set("step", t.step);
  auto step = service::parseLifecycleStep(t.step);
  o->set("step_label", step ? labelIn(*step, ctx.english()) : t.step);
  o->set("from_status", t.from_status);
  o->set("from_label", statusLabel(ctx, t.from_status));
  o->set("to_status", t.to_status);
  o->set("to_label", statusLabel(ctx, t.to_status));
  o->set("date", t.date.toString());
  o->set("body", t.body);
  o->set("document", t.document);
  o->set("note", t.note);
  o->set("actor", t.actor);
  o->set("created_at", t.created_at);
  o->set("voided", t.voided());
  if (t.voided()) {
    o->set("voided_at", t.voided_at);
    o->set("voided_by", t.voided_by);
    o->set("void_reason", t.void_reason);
  }
  return o;
}

Poco::JSON::Array::Ptr planTransitionsJson(RequestContext& ctx, sdk::RecordId plan_id) {
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array();
  for (const auto& t : store::PlanTransitionRepository(ctx.db().session()).listForPlan(plan_id)) {
    out->add(planTransitionJson(ctx, t));
  }
  return out;
}

void setLifecycleJson(RequestContext& ctx, Poco::JSON::Object::Ptr o, const sdk::Plan& plan) {
  const service::LifecycleState state = service::loadLifecycleState(ctx.db().session(), plan);
  Poco::JSON::Array::Ptr all = new Poco::JSON::Array();
  Poco::JSON::Array::Ptr publications = new Poco::JSON::Array();
  // Voided steps stay listed (marked); the state and the publications are those in force.
  for (const auto& t : store::PlanTransitionRepository(ctx.db().session()).listForPlan(plan.id)) {
    Poco::JSON::Object::Ptr j = planTransitionJson(ctx, t);
    all->add(j);
    if (!t.voided() && t.step == service::toId(service::LifecycleStep::Publish)) publications->add(j);
  }
  o->set("transitions", all);
  o->set("publications", publications);
  const sdk::PlanStatus stage = state.shown();
  o->set("stage", sdk::toId(stage));
  o->set("stage_label", labelIn(stage, ctx.english()));
  o->set("draft_version", state.draft.number);
  Poco::JSON::Array::Ptr allowed = new Poco::JSON::Array();
  for (service::LifecycleStep step : service::PlanLifecycle::allowedSteps(state)) {
    allowed->add(std::string(service::toId(step)));
  }
  o->set("allowed_steps", allowed);
  const auto next = service::PlanLifecycle::nextStep(state);
  o->set("next_step", next ? std::string(service::toId(*next)) : std::string());
  o->set("next_step_label", next ? labelIn(*next, ctx.english()) : std::string());

  store::PlanRepository plans(ctx.db().session());
  const store::PlanAbolition abolition = plans.abolitionOf(plan.id);
  o->set("abolished_on", abolition.date.isSet() ? abolition.date.toString() : std::string());
  std::string replaced_by;
  if (abolition.replaced_by != 0) {
    if (auto other = plans.findById(abolition.replaced_by)) replaced_by = other->code;
  }
  o->set("replaced_by_code", replaced_by);
}

}  // namespace beacon::http
