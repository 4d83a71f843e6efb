#include "http/drill_plan_json.h"

#include "http/label_language.h"
#include "http/page_text.h"

#include <Poco/JSON/Array.h>

#include "store/lifecycle_record_json.h"
#include "store/plan_repository.h"

namespace beacon::http {

Poco::JSON::Object::Ptr drillPlanJson(RequestContext& ctx, const store::DrillPlan& plan,
                                      const service::DrillPlanProgress& progress, const sdk::Date& as_of) {
  const bool en = ctx.english();
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("id", plan.id);
  o->set("org_id", plan.org_id);
  const auto org = ctx.organisations().findById(plan.org_id);
  o->set("org_code", org ? org->code : std::string());
  o->set("org_name", org ? org->name : std::string());
  o->set("year", plan.year);
  o->set("made_on", plan.made_on.toString());
  o->set("note", plan.note);
  o->set("as_of", as_of.toString());
  store::PlanRepository plans(ctx.db().session());
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const auto& m : progress.items) {
    Poco::JSON::Object::Ptr i = new Poco::JSON::Object;
    i->set("id", m.item.id);
    i->set("domain", m.item.domain);
    i->set("drill_type", m.item.drill_type);
    const sdk::DrillType* type = ctx.state.app.plugins().drillType(m.item.drill_type);
    i->set("drill_type_label",
           type ? (inLanguage(en, type->label_en, type->label_zh)) : m.item.drill_type);
    i->set("month", m.item.month);
    i->set("plan_id", m.item.plan_id);
    std::string plan_code;
    if (m.item.plan_id != 0) {
      const auto p = plans.findById(m.item.plan_id);
      if (p) plan_code = p->code;
    }
    i->set("plan_code", plan_code);
    i->set("note", m.item.note);
    i->set("drill_id", m.drill_id);
    i->set("drill_date", m.drill_date.isSet() ? m.drill_date.toString() : std::string());
    i->set("in_month", m.in_month);
    const char* status = m.drill_id != 0 ? (m.in_month ? "done_in_month" : "done")
                                         : (m.overdue ? "missing" : "pending");
    i->set("status", std::string(status));
    std::string label;
    if (m.drill_id != 0) {
      label = m.in_month ? (pageWord("drill_plan_done_in_month", en))
                         : (pageWord("drill_plan_done_other_month", en));
    } else {
      label =
          m.overdue ? (pageWord("drill_plan_missing", en)) : (pageWord("drill_plan_pending", en));
    }
    i->set("status_label", label);
    items->add(i);
  }
  o->set("items", items);
  // Voided planned drills (作废): listed for the record, counted nowhere.
  Poco::JSON::Array::Ptr voided = new Poco::JSON::Array;
  for (const auto& item : plan.voided_items) {
    Poco::JSON::Object::Ptr i = new Poco::JSON::Object;
    i->set("id", item.id);
    i->set("domain", item.domain);
    i->set("drill_type", item.drill_type);
    const sdk::DrillType* type = ctx.state.app.plugins().drillType(item.drill_type);
    i->set("drill_type_label",
           type ? (inLanguage(en, type->label_en, type->label_zh)) : item.drill_type);
    i->set("month", item.month);
    i->set("plan_id", item.plan_id);
    const auto p = item.plan_id != 0 ? plans.findById(item.plan_id) : std::nullopt;
    i->set("plan_code", p ? p->code : std::string());
    i->set("note", item.note);
    i->set("voided", true);
    i->set("voided_at", item.voided_at);
    i->set("voided_by", item.voided_by);
    i->set("void_reason", item.void_reason);
    voided->add(i);
  }
  o->set("voided_items", voided);
  Poco::JSON::Object::Ptr counts = new Poco::JSON::Object;
  counts->set("planned", progress.planned);
  counts->set("done", progress.done);
  counts->set("done_in_month", progress.done_in_month);
  counts->set("missing", progress.missing);
  counts->set("pending", progress.pending);
  counts->set("unplanned", progress.unplanned);
  o->set("counts", counts);
  return o;
}

Poco::JSON::Object::Ptr drillEvaluationJson(RequestContext& ctx, const store::DrillEvaluation& e) {
  Poco::JSON::Object::Ptr o = store::toJson(e);
  o->set("verdict_label", labelIn(e.verdict, ctx.english()));

  return o;
}

}  // namespace beacon::http
