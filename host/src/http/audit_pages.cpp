// The 审计记录 page: GET /audit, the audit log newest first, filtered by record
// (entity, and its id), user and date range (all kept in the URL, 50 a page),
// each entry's before and after shown as the fields that differ, one row per
// field (a created record: its fields; a removed one: what it held), with the
// record kind, action, field names and coded values in words (audit_labels.h). For the
// city administrator only (AccessPolicy::canAdminister), like `beacon audit`:
// entries hold records of every organisation and accounts. Read-only.
#include <limits>
#include <set>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "auth/access_policy.h"
#include "http/admin_routes.h"
#include "http/audit_labels.h"
#include "http/http_error.h"
#include "http/page_support.h"
#include "http/page_text.h"
#include "store/audit_queries.h"

namespace beacon::http {

namespace {

using kainjow::mustache::data;

std::string textOf(const Poco::Dynamic::Var& v) {
  return v.isEmpty() ? std::string() : v.isString() ? v.extract<std::string>() : v.toString();
}

// An array member as a user reads it: each element's members as "label：value", joined by "，",
// the elements by "；".
std::string arrayText(RequestContext& ctx, const Poco::JSON::Array::Ptr& array) {
  std::string out;
  for (std::size_t i = 0; i < array->size(); ++i) {
    if (!out.empty()) out += "；";
    const Poco::Dynamic::Var element = array->get(static_cast<unsigned>(i));
    if (element.type() != typeid(Poco::JSON::Object::Ptr)) {
      out += textOf(element);
      continue;
    }
    std::string item;
    for (const auto& [key, v] : *element.extract<Poco::JSON::Object::Ptr>()) {
      if (!item.empty()) item += "，";
      item += auditFieldLabel(ctx, key) + "：" + auditValueLabel(ctx, key, textOf(v));
    }
    out += item;
  }
  return out;
}

// A JSON object's members in words (audit_labels.h), an object member's own members as
// "<member>.<key>" (a drill's fields.hazard), an array member as arrayText; empty when the
// text is not an object.
std::map<std::string, std::string> fieldsOf(RequestContext& ctx, const std::string& json) {
  std::map<std::string, std::string> out;
  if (json.empty()) return out;
  try {
    Poco::JSON::Parser parser;
    auto object = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
    for (const auto& [key, value] : *object) {
      if (value.type() == typeid(Poco::JSON::Object::Ptr)) {
        for (const auto& [inner, v] : *value.extract<Poco::JSON::Object::Ptr>()) {
          out[key + "." + inner] = auditValueLabel(ctx, key + "." + inner, textOf(v));
        }
      } else if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
        out[key] = arrayText(ctx, value.extract<Poco::JSON::Array::Ptr>());
      } else {
        out[key] = auditValueLabel(ctx, key, textOf(value));
      }
    }
  } catch (const Poco::Exception&) {
    out[""] = json;
  } catch (const std::exception&) {
    out[""] = json;
  }
  return out;
}

data changesOf(RequestContext& ctx, const store::AuditEntry& e) {
  const auto before = fieldsOf(ctx, e.before_json);
  const auto after = fieldsOf(ctx, e.after_json);
  std::set<std::string> keys;
  for (const auto& [k, v] : before) keys.insert(k);
  for (const auto& [k, v] : after) keys.insert(k);
  data rows{data::type::list};
  for (const auto& k : keys) {
    const auto b = before.find(k);
    const auto a = after.find(k);
    const std::string old_value = b == before.end() ? "" : b->second;
    const std::string new_value = a == after.end() ? "" : a->second;
    if (old_value == new_value && b != before.end() && a != after.end()) continue;
    data row;
    row.set("field", auditFieldLabel(ctx, k));
    row.set("field_code", k);
    row.set("before", old_value);
    row.set("after", new_value);
    row.set("typed", auditFieldIsTyped(k));
    rows.push_back(row);
  }
  return rows;
}

void auditPage(RequestContext& ctx) {
  if (!auth::AccessPolicy::canAdminister(ctx.requireUser())) {
    throw HttpError::forbidden(pageWord("refuse_audit_admin_only", ctx.english()));
  }
  store::AuditFilter filter;
  filter.entity = ctx.query("entity");
  filter.entity_id = ctx.queryInt("entity_id", 0, 0, std::numeric_limits<int>::max());
  filter.username = ctx.query("user");
  const sdk::Date from = ctx.queryDate("from");
  const sdk::Date to = ctx.queryDate("to");
  filter.from = from.toString();
  filter.to = to.toString();
  filter.offset = ctx.queryInt("offset", 0, 0, 100000000);
  const bool en = ctx.english();
  store::AuditQueries audit(ctx.db().session());
  const int total = audit.count(filter);
  data items{data::type::list};
  for (const auto& e : audit.list(filter)) {
    data item;
    item.set("id", std::to_string(e.id));
    item.set("at", e.at);
    item.set("username",
             e.username == "(anonymous)" ? pageWord("audit_anonymous", en) : e.username);
    // kainjow renders a section for any string, even an empty one: web entries have no OS user.
    if (!e.os_user.empty()) item.set("os_user", e.os_user);
    item.set("action", auditActionLabel(e.action, en));
    item.set("entity", auditEntityLabel(e.entity, en));
    item.set("entity_id", std::to_string(e.entity_id));
    item.set("changes", changesOf(ctx, e));
    items.push_back(item);
  }
  data d;
  d.set("items", items);
  d.set("entity", filter.entity);
  d.set("entity_id", filter.entity_id ? std::to_string(filter.entity_id) : std::string());
  d.set("user", filter.username);
  d.set("from", filter.from);
  d.set("to", filter.to);
  data entities{data::type::list};
  for (const char* name :
       {"plan", "plan_version", "review", "filing", "drill", "corrective_action", "organisation",
        "user", "login", "attachment", "drill_plan", "plan_transition", "drill_evaluation"}) {
    data o;
    o.set("value", std::string(name));
    o.set("label", auditEntityLabel(name, en));
    o.set("selected", filter.entity == name);
    entities.push_back(o);
  }
  d.set("entities", entities);
  d.set("total", std::to_string(total));
  setPager(ctx, d, filter.offset, filter.limit, total);
  ctx.sendPage(200, "audit.html", d, pageWord("audit_log", ctx.english()));
}

}  // namespace

void addAuditPage(Router& router) { router.add("GET", "/audit", auditPage); }

}  // namespace beacon::http
