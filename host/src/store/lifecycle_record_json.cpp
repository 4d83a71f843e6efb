#include "store/lifecycle_record_json.h"

#include <Poco/JSON/Array.h>

namespace beacon::store {

Poco::JSON::Object::Ptr toJson(const DrillEvaluation& e) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("id", e.id);
  o->set("drill_id", e.drill_id);
  o->set("verdict", std::string(sdk::toId(e.verdict)));
  o->set("findings", e.findings);
  o->set("suggestions", e.suggestions);
  o->set("evaluator", e.evaluator);
  o->set("date", e.date.toString());
  o->set("document", e.document);
  return o;
}

Poco::JSON::Object::Ptr toJson(const DrillPlanItem& item) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("id", item.id);
  o->set("drill_plan_id", item.drill_plan_id);
  o->set("domain", item.domain);
  o->set("drill_type", item.drill_type);
  o->set("month", item.month);
  o->set("plan_id", item.plan_id);
  o->set("note", item.note);
  return o;
}

Poco::JSON::Object::Ptr toJson(const DrillPlan& plan) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("id", plan.id);
  o->set("org_id", plan.org_id);
  o->set("year", plan.year);
  o->set("made_on", plan.made_on.toString());
  o->set("note", plan.note);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& i : plan.items) list->add(toJson(i));
  o->set("items", list);
  return o;
}

Poco::JSON::Object::Ptr toJson(const PlanTransition& t) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", t.id);
  o->set("plan_id", t.plan_id);
  o->set("plan_version_id", t.plan_version_id);
  o->set("step", t.step);
  o->set("from_status", t.from_status);
  o->set("to_status", t.to_status);
  o->set("date", t.date.toString());
  o->set("body", t.body);
  o->set("document", t.document);
  o->set("note", t.note);
  return o;
}

}  // namespace beacon::store
