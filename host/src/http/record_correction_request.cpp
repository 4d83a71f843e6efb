#include "http/record_correction_request.h"

#include <map>

#include <Poco/JSON/Parser.h>

#include "http/http_error.h"
#include "http/page_text.h"
#include "http/record_detail.h"
#include "rules/reader_connection.h"
#include "service/record_checks.h"
#include "store/audit_log.h"
#include "store/corrective_action_repository.h"
#include "store/drill_evaluation_repository.h"
#include "store/drill_plan_item_repository.h"
#include "store/drill_plan_repository.h"
#include "store/filing_repository.h"
#include "store/lifecycle_record_json.h"
#include "store/plan_transition_repository.h"
#include "store/record_json.h"
#include "store/record_voids.h"
#include "store/review_repository.h"

namespace beacon::http {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

service::RecordCorrection correctionFor(RequestContext& ctx) {
  return service::RecordCorrection(ctx.db(), ctx.state.app.plugins(),
                                   ctx.state.config.correction_days, service::today(),
                                   ctx.english());
}

service::Corrector corrector(RequestContext& ctx) { return {ctx.actor(), ctx.requireUser()}; }

}  // namespace

std::string correctionFieldLabel(const std::string& field, bool en) {
  const std::string label = pageWord("correction_field_" + field, en);
  if (!label.empty()) return label;
  if (field.rfind("fields.", 0) == 0) return pageWord("plugin_field", en, {field.substr(7)});

  return field;
}

namespace {

std::string shown(const Poco::Dynamic::Var& v) {
  if (v.isEmpty()) return "";
  return v.toString();
}

// The record's fields flattened: "fields" becomes fields.<name>.
std::map<std::string, std::string> flatten(const Object::Ptr& o) {
  std::map<std::string, std::string> out;
  if (!o) return out;
  for (const auto& [name, value] : *o) {
    if (name == "fields" && value.type() == typeid(Object::Ptr)) {
      for (const auto& [k, v] : *value.extract<Object::Ptr>()) out["fields." + k] = shown(v);
    } else if (value.type() != typeid(Object::Ptr) && value.type() != typeid(Array::Ptr)) {
      out[name] = shown(value);
    }
  }
  return out;
}

Object::Ptr parseObject(const std::string& json) {
  if (json.empty()) return nullptr;
  try {
    Poco::JSON::Parser parser;
    return parser.parse(json).extract<Object::Ptr>();
  } catch (const Poco::Exception&) {
    return nullptr;
  }
}

}  // namespace

void throwIfFailed(const service::CorrectionOutcome& outcome) {
  if (outcome.ok()) return;
  throw HttpError::of(outcome.status, outcome.failure == service::CorrectionFailure::Voided
                                          ? "already_voided"
                                          : "");
}

service::CorrectionOutcome correctDrillAs(RequestContext& ctx, sdk::RecordId id,
                                          const service::FieldChanges& changes,
                                          const std::string& reason) {
  const service::Corrector who = corrector(ctx);
  const rules::ReaderConnection reads(ctx.db());
  return correctionFor(ctx).correctDrill(id, changes, reason, who);
}

service::CorrectionOutcome correctRecordAs(RequestContext& ctx, store::RecordKind kind,
                                           sdk::RecordId id, const service::FieldChanges& changes,
                                           const std::string& reason) {
  if (kind == store::RecordKind::Drill) return correctDrillAs(ctx, id, changes, reason);
  const service::Corrector who = corrector(ctx);
  // Validating a planned drill reads the plugin registry (read-only after start-up); a plugin
  // call that reads records reads the worker's Database.
  const rules::ReaderConnection reads(ctx.db());
  return correctionFor(ctx).correct(kind, id, changes, reason, who);
}

service::CorrectionOutcome voidRecordAs(RequestContext& ctx, store::RecordKind kind,
                                        sdk::RecordId id, const std::string& reason) {
  const service::Corrector who = corrector(ctx);
  return correctionFor(ctx).voidRecord(kind, id, reason, who);
}

bool mayChangeRecord(RequestContext& ctx, store::RecordKind kind, sdk::RecordId id) {
  if (!ctx.user) return false;
  return correctionFor(ctx).mayChange(kind, id, corrector(ctx)).ok();
}

void requireChangeable(RequestContext& ctx, store::RecordKind kind, sdk::RecordId id) {
  throwIfFailed(correctionFor(ctx).mayChange(kind, id, corrector(ctx)));
}

void setVoidMark(RequestContext& ctx, Object::Ptr& o, store::RecordKind kind, sdk::RecordId id) {
  const auto mark = store::RecordVoids(ctx.db().session()).mark(kind, id);
  const bool voided = mark && mark->voided();
  o->set("voided", voided);
  if (!voided) return;
  o->set("voided_at", mark->at);
  o->set("voided_by", mark->by);
  o->set("void_reason", mark->reason);
}

Array::Ptr correctionHistory(RequestContext& ctx, store::RecordKind kind, sdk::RecordId id) {
  const bool en = ctx.english();
  auto entries = store::AuditLog(ctx.db().session()).list(store::entityOf(kind), id, 1000);
  Array::Ptr out = new Array();
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    if (it->action != "correct" && it->action != "void") continue;
    const Object::Ptr before = parseObject(it->before_json);
    const Object::Ptr after = parseObject(it->after_json);
    Object::Ptr h = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    h->set("at", it->at);
    h->set("by", it->username);
    h->set("action", it->action);
    const bool is_void = it->action == "void";
    h->set("action_label",
           is_void ? (pageWord("correction_voided", en)) : (pageWord("correction_corrected", en)));
    h->set("is_void", is_void);
    std::string reason;
    if (after) reason = shown(after->get(is_void ? "void_reason" : "correction_reason"));
    h->set("reason", reason);
    Array::Ptr changes = new Array();
    if (!is_void) {
      const auto b = flatten(before);
      auto a = flatten(after);
      a.erase("correction_reason");
      std::map<std::string, std::pair<std::string, std::string>> diff;
      for (const auto& [k, v] : b) {
        const auto f = a.find(k);
        const std::string now_value = f == a.end() ? "" : f->second;
        if (now_value != v) diff[k] = {v, now_value};
      }
      for (const auto& [k, v] : a) {
        if (!b.count(k) && !v.empty()) diff[k] = {"", v};
      }
      for (const auto& [k, values] : diff) {
        Object::Ptr c = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        c->set("field", k);
        c->set("label", correctionFieldLabel(k, en));
        c->set("before", values.first);
        c->set("after", values.second);
        changes->add(c);
      }
    }
    h->set("changes", changes);
    out->add(h);
  }
  return out;
}

Object::Ptr readableRecordJson(RequestContext& ctx, store::RecordKind kind, sdk::RecordId id) {
  Object::Ptr o;
  auto& session = ctx.db().session();
  if (kind == store::RecordKind::Review) {
    auto r = store::ReviewRepository(session).findById(id);
    if (!r) throw HttpError::notFound("no review " + std::to_string(id));
    readablePlan(ctx, r->plan_id);
    o = store::toJson(*r);
  } else if (kind == store::RecordKind::Filing) {
    auto f = store::FilingRepository(session).findById(id);
    if (!f) throw HttpError::notFound("no filing " + std::to_string(id));
    readablePlan(ctx, f->plan_id);
    o = store::toJson(*f);
  } else if (kind == store::RecordKind::CorrectiveAction) {
    auto a = store::CorrectiveActionRepository(session).findById(id);
    if (!a) throw HttpError::notFound("no corrective action " + std::to_string(id));
    ctx.requireRead(a->responsible_org_id);
    o = store::toJson(*a);
  } else if (kind == store::RecordKind::DrillEvaluation) {
    auto e = store::DrillEvaluationRepository(session).findById(id);
    if (!e) throw HttpError::notFound("no drill evaluation " + std::to_string(id));
    readableDrill(ctx, e->drill_id);
    o = store::toJson(*e);
  } else if (kind == store::RecordKind::DrillPlan) {
    auto p = store::DrillPlanRepository(session).findById(id);
    if (!p) throw HttpError::notFound("no drill plan " + std::to_string(id));
    ctx.requireRead(p->org_id);
    o = store::toJson(*p);
  } else if (kind == store::RecordKind::DrillPlanItem) {
    auto i = store::DrillPlanItemRepository(session).findById(id);
    if (!i) throw HttpError::notFound("no planned drill " + std::to_string(id));
    auto p = store::DrillPlanRepository(session).findById(i->drill_plan_id);
    if (!p) throw HttpError::notFound("no planned drill " + std::to_string(id));
    ctx.requireRead(p->org_id);
    o = store::toJson(*i);
  } else if (kind == store::RecordKind::PlanTransition) {
    auto t = store::PlanTransitionRepository(session).findById(id);
    if (!t) throw HttpError::notFound("no plan step " + std::to_string(id));
    readablePlan(ctx, t->plan_id);
    o = store::toJson(*t);
  } else {
    o = store::toJson(readableDrill(ctx, id));
  }
  setVoidMark(ctx, o, kind, id);
  o->set("corrections", correctionHistory(ctx, kind, id));
  return o;
}

}  // namespace beacon::http
