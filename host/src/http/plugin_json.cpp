#include "http/plugin_json.h"

#include <Poco/JSON/Array.h>

namespace beacon::http {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr fieldSpecJson(const sdk::FieldSpec& f) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("name", f.name);
  o->set("label_zh", f.label_zh);
  o->set("label_en", f.label_en);
  o->set("type", sdk::toId(f.type));
  o->set("required", f.required);
  if (f.type == sdk::FieldType::Choice) {
    Array::Ptr choices = new Array();
    for (std::size_t i = 0; i < f.allowed_values.size(); ++i) {
      Object::Ptr c = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
      c->set("value", f.allowed_values[i]);
      c->set("label_zh", i < f.allowed_labels_zh.size() ? f.allowed_labels_zh[i] : f.allowed_values[i]);
      choices->add(c);
    }
    o->set("choices", choices);
  }
  if (f.type == sdk::FieldType::Integer) {
    o->set("min", f.min_value);
    o->set("max", f.max_value);
  }
  return o;
}

Object::Ptr pluginJson(const plugins::PluginRecord& p) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("id", p.id);
  o->set("name_zh", p.name_zh);
  o->set("name_en", p.name_en);
  o->set("version", p.version);
  o->set("state", p.state == plugins::PluginState::Enabled ? "enabled" : "disabled");
  o->set("reason", p.reason);
  Array::Ptr types = new Array();
  for (const auto& t : p.drill_types) {
    Object::Ptr j = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    j->set("id", t.id);
    j->set("label_zh", t.label_zh);
    j->set("label_en", t.label_en);
    j->set("form", t.form == sdk::DrillForm::Live ? "live" : "tabletop");
    j->set("content", t.content == sdk::DrillContent::Comprehensive ? "comprehensive" : "single_item");
    j->set("on_site_disposal", t.on_site_disposal);
    j->set("report_label_zh", t.report_label_zh);
    types->add(j);
  }
  o->set("drill_types", types);
  Array::Ptr categories = new Array();
  for (const auto& c : p.plan_categories) {
    Object::Ptr j = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    j->set("id", c.id);
    j->set("label_zh", c.label_zh);
    j->set("label_en", c.label_en);
    categories->add(j);
  }
  o->set("plan_categories", categories);
  Array::Ptr drill_fields = new Array();
  for (const auto& f : p.drill_fields) drill_fields->add(fieldSpecJson(f));
  o->set("drill_fields", drill_fields);
  Array::Ptr org_fields = new Array();
  for (const auto& f : p.organisation_fields) org_fields->add(fieldSpecJson(f));
  o->set("organisation_fields", org_fields);
  return o;
}

}  // namespace beacon::http
