#include "store/record_json.h"
#include "store/corrective_action.h"

#include <sstream>

#include <Poco/JSON/Parser.h>

namespace beacon::store {

using Poco::JSON::Object;

Object::Ptr toJson(const sdk::FieldValues& values) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& [k, v] : values) o->set(k, v);
  return o;
}

Object::Ptr toJson(const sdk::Organisation& r) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", r.id);
  o->set("code", r.code);
  o->set("name", r.name);
  o->set("kind", sdk::toId(r.kind));
  o->set("kind_label", sdk::labelZh(r.kind));
  o->set("parent_id", r.parent_id);
  o->set("attributes", toJson(r.attributes));
  return o;
}

Object::Ptr toJson(const sdk::Plan& r) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", r.id);
  o->set("code", r.code);
  o->set("title", r.title);
  o->set("domain", r.domain);
  o->set("category", r.category);
  o->set("owner_org_id", r.owner_org_id);
  o->set("status", sdk::toId(r.status));
  o->set("status_label", sdk::labelZh(r.status));
  o->set("revision_required", r.revision_required);
  o->set("revision_reason", r.revision_reason);
  o->set("current_version", r.current_version);
  return o;
}

Object::Ptr toJson(const sdk::PlanVersion& r, bool with_text) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", r.id);
  o->set("plan_id", r.plan_id);
  o->set("number", r.number);
  o->set("action", sdk::toId(r.action));
  o->set("action_label", sdk::labelZh(r.action));
  o->set("trigger", r.trigger);
  o->set("major", r.major);
  o->set("issued", r.issued.toString());
  o->set("effective", r.effective.toString());
  o->set("author", r.author);
  o->set("created_at", r.created_at);
  if (with_text) o->set("text", r.text);
  return o;
}

Object::Ptr toJson(const sdk::Review& r) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", r.id);
  o->set("plan_id", r.plan_id);
  o->set("plan_version_id", r.plan_version_id);
  o->set("kind", sdk::toId(r.kind));
  o->set("kind_label", sdk::labelZh(r.kind));
  o->set("date", r.date.toString());
  o->set("reviewers", r.reviewers);
  o->set("conclusion", sdk::toId(r.conclusion));
  o->set("findings", r.findings);
  return o;
}

Object::Ptr toJson(const sdk::Filing& r) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", r.id);
  o->set("plan_id", r.plan_id);
  o->set("plan_version_id", r.plan_version_id);
  o->set("target_body", r.target_body);
  o->set("submitted", r.submitted.toString());
  o->set("registration_no", r.registration_no);
  o->set("published", r.published.toString());
  return o;
}

Object::Ptr toJson(const sdk::Drill& r) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", r.id);
  o->set("domain", r.domain);
  o->set("drill_type", r.drill_type);
  o->set("org_id", r.org_id);
  o->set("plan_id", r.plan_id);
  o->set("plan_version_id", r.plan_version_id);
  o->set("date", r.date.toString());
  o->set("place", r.place);
  o->set("scenario", r.scenario);
  o->set("participants", r.participants);
  o->set("evacuees", r.evacuees);
  o->set("fields", toJson(r.fields));
  o->set("verdict", sdk::toId(r.verdict));
  o->set("findings", r.findings);
  return o;
}

Object::Ptr toJson(const store::CorrectiveAction& r) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", r.id);
  o->set("source_kind", store::toId(r.source_kind));
  o->set("source_id", r.source_id);
  o->set("plan_id", r.plan_id);
  o->set("description", r.description);
  o->set("responsible_org_id", r.responsible_org_id);
  o->set("due", r.due.toString());
  o->set("status", store::toId(r.status));
  o->set("plan_defect", r.plan_defect);
  return o;
}

std::string stringify(const Object::Ptr& object) {
  std::ostringstream out;
  object->stringify(out);
  return out.str();
}

sdk::FieldValues fieldValuesFromJson(const std::string& json) {
  sdk::FieldValues out;
  if (json.empty()) return out;
  Poco::JSON::Parser parser;
  auto obj = parser.parse(json).extract<Object::Ptr>();
  for (const auto& name : obj->getNames()) out[name] = obj->getValue<std::string>(name);
  return out;
}

}  // namespace beacon::store
