#include "http/org_picker.h"

#include "http/label_language.h"

namespace beacon::http {

OrgPicker::OrgPicker(const std::map<sdk::RecordId, sdk::Organisation>& orgs) : orgs_(orgs) {
  for (const auto& [id, o] : orgs_) ++name_uses_[o.name];
}

std::string OrgPicker::label(const sdk::Organisation& o) const {
  const auto uses = name_uses_.find(o.name);
  if (uses == name_uses_.end() || uses->second < 2) return o.name;
  const auto parent = orgs_.find(o.parent_id);
  return o.name + "（" + (parent == orgs_.end() ? o.code : parent->second.name) + "）";
}

const sdk::Organisation* OrgPicker::find(const std::string& text) const {
  if (text.empty()) return nullptr;
  for (const auto& [id, o] : orgs_) {
    if (o.code == text) return &o;
  }
  for (const auto& [id, o] : orgs_) {
    if (label(o) == text) return &o;
  }
  return nullptr;
}

std::string OrgPicker::optionsHtml(const auth::Scope& scope, bool english) const {
  std::string html;
  for (const auto& [id, o] : orgs_) {
    if (!scope.contains(id)) continue;
    html += "<option value=\"" + kainjow::mustache::html_escape<std::string>(label(o)) + "\">";
    html += kainjow::mustache::html_escape<std::string>(labelIn(o.kind, english));
    html += "</option>";
  }
  return html;
}

}  // namespace beacon::http
