#include "http/page_support.h"

#include <Poco/URI.h>

#include "http/label_language.h"
#include "http/page_text.h"

namespace beacon::http {

using kainjow::mustache::data;

data domainOptions(RequestContext& ctx, const std::string& selected, bool include_general) {
  data list{data::type::list};
  for (const auto* p : ctx.state.app.plugins().enabled()) {
    data o;
    o.set("value", p->id);
    o.set("label", inLanguage(ctx.english(), p->name_en, p->name_zh));
    o.set("selected", p->id == selected);
    list.push_back(o);
  }
  if (include_general) {
    data o;
    o.set("value", sdk::kGeneralDomain);
    o.set("label", pageWord("general_domain", ctx.english()));
    o.set("selected", selected == sdk::kGeneralDomain);
    list.push_back(o);
  }
  return list;
}

std::string domainLabel(RequestContext& ctx, const std::string& domain) {
  if (const auto* p = ctx.state.app.plugins().byDomain(domain))
    return inLanguage(ctx.english(), p->name_en, p->name_zh);
  return domain == sdk::kGeneralDomain ? pageWord("general_domain", ctx.english()) : domain;
}

data fieldInput(RequestContext& ctx, const sdk::FieldSpec& spec, const std::string& name, const std::string& value,
                const std::string& error) {
  data f;
  f.set("name", name);
  f.set("id", "f-" + spec.name);
  f.set("label", inLanguage(ctx.english(), spec.label_en, spec.label_zh));
  f.set("required", spec.required);
  f.set("value", value);
  if (!error.empty()) f.set("error", error);
  f.set("is_text", spec.type == sdk::FieldType::Text);
  f.set("is_integer", spec.type == sdk::FieldType::Integer);
  f.set("is_boolean", spec.type == sdk::FieldType::Boolean);
  f.set("is_choice", spec.type == sdk::FieldType::Choice);
  f.set("is_date", spec.type == sdk::FieldType::Date);
  f.set("checked", value == "1");
  f.set("min", std::to_string(spec.min_value));
  f.set("max", std::to_string(spec.max_value));
  data choices{data::type::list};
  for (std::size_t i = 0; i < spec.allowed_values.size(); ++i) {
    data c;
    c.set("value", spec.allowed_values[i]);
    const std::string zh = i < spec.allowed_labels_zh.size() ? spec.allowed_labels_zh[i] : spec.allowed_values[i];
    c.set("label", inLanguage(ctx.english(), spec.allowed_values[i], zh));
    c.set("selected", spec.allowed_values[i] == value || zh == value);
    choices.push_back(c);
  }
  f.set("choices", choices);
  return f;
}

std::string errorFor(const std::map<std::string, std::string>& errors, const std::string& name) {
  auto it = errors.find(name);
  return it == errors.end() ? "" : it->second;
}

data fieldErrors(const std::map<std::string, std::string>& errors, const std::vector<std::string>& names) {
  data out;
  for (const auto& name : names) {
    auto it = errors.find(name);
    if (it != errors.end() && !it->second.empty()) out.set(name, it->second);
  }
  return out;
}

void setPager(RequestContext& ctx, data& d, int offset, int limit, int total) {
  Poco::URI uri(ctx.request.getURI());
  auto params = uri.getQueryParameters();
  auto hrefFor = [&](int new_offset) {
    Poco::URI u(ctx.path());
    for (const auto& [k, v] : params) {
      if (k != "offset") u.addQueryParameter(k, v);
    }
    u.addQueryParameter("offset", std::to_string(new_offset));
    return u.toString();
  };
  if (offset > 0) d.set("prev_href", hrefFor(offset > limit ? offset - limit : 0));
  if (offset + limit < total) d.set("next_href", hrefFor(offset + limit));
  d.set("range", total == 0 ? "0" : std::to_string(offset + 1) + "–" +
                                        std::to_string(offset + limit < total ? offset + limit : total));
}

std::string userBadge(const std::string& display_name, const std::string& role_label) {
  if (display_name.empty()) return role_label;
  if (role_label.empty() || display_name.find(role_label) != std::string::npos) return display_name;
  return display_name + " (" + role_label + ")";
}

}  // namespace beacon::http
