#include "io/csv_columns.h"

#include <algorithm>
#include <set>

#include "io/import_values.h"

namespace beacon::io {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
  return s;
}

}  // namespace

CsvColumns::CsvColumns(const plugins::PluginRegistry& registry, std::vector<CsvColumn> fixed,
                       PluginColumns plugin)
    : registry_(registry), plugin_(plugin), fixed_(std::move(fixed)) {
  if (plugin == PluginColumns::OrganisationAttributes) {
    for (const auto* rec : registry.enabled()) {
      for (const auto& f : rec->organisation_fields) {
        field_keys_.push_back(rec->id + "." + f.name);
        field_zh_.push_back(rec->name_zh + ":" + f.label_zh);
        field_en_.push_back("attr:" + rec->id + "." + f.name);
      }
    }
  } else if (plugin == PluginColumns::DrillFields) {
    std::set<std::string> seen;
    for (const auto* rec : registry.enabled()) {
      for (const auto& f : rec->drill_fields) {
        if (!seen.insert(f.name).second) continue;
        field_keys_.push_back(f.name);
        field_zh_.push_back(f.label_zh.empty() ? "field:" + f.name : f.label_zh);
        field_en_.push_back("field:" + f.name);
      }
    }
  }
}

std::vector<std::string> CsvColumns::headers(bool english) const {
  std::vector<std::string> out;
  for (const auto& c : fixed_) out.push_back(english ? c.id : c.zh);
  const auto& fields = english ? field_en_ : field_zh_;
  out.insert(out.end(), fields.begin(), fields.end());
  return out;
}

std::optional<ResolvedColumn> CsvColumns::match(const std::string& raw) const {
  const std::string h = trim(raw);
  ResolvedColumn rc;
  rc.header = h;
  for (const auto& c : fixed_) {
    if (lower(h) == c.id || h == c.zh ||
        std::find(c.aliases.begin(), c.aliases.end(), h) != c.aliases.end()) {
      rc.id = c.id;
      return rc;
    }
  }
  if (plugin_ == PluginColumns::DrillFields) {
    std::string name = h.rfind("field:", 0) == 0 ? h.substr(6) : std::string();
    for (const auto* rec : registry_.enabled()) {
      for (const auto& f : rec->drill_fields) {
        if (f.name == name || (!f.label_zh.empty() && f.label_zh == h) ||
            (!f.label_en.empty() && f.label_en == h)) {
          rc.field_by_domain[rec->id] = f.name;
          if (rc.field_key.empty()) rc.field_key = f.name;
        }
      }
    }
    if (!rc.field_by_domain.empty()) return rc;
  } else if (plugin_ == PluginColumns::OrganisationAttributes) {
    std::string key = h.rfind("attr:", 0) == 0 ? h.substr(5) : h;
    for (const auto* rec : registry_.enabled()) {
      for (const auto& f : rec->organisation_fields) {
        const std::string k = rec->id + "." + f.name;
        if (key == k || h == rec->name_zh + ":" + f.label_zh || h == rec->name_zh + "：" + f.label_zh) {
          rc.field_key = k;
          return rc;
        }
      }
    }
  }
  return std::nullopt;
}

std::optional<HeaderProblem> CsvColumns::resolve(const std::vector<std::string>& header,
                                                 std::vector<ResolvedColumn>& out) const {
  out.clear();
  std::set<std::string> ids;
  for (const auto& h : header) {
    auto rc = match(h);
    if (!rc) {
      std::string known_zh, known_en;
      for (const auto& c : fixed_) {
        known_zh += (known_zh.empty() ? "" : "、") + c.zh + "/" + c.id;
        known_en += (known_en.empty() ? "" : ", ") + c.zh + "/" + c.id;
      }
      return HeaderProblem{
          trim(h), "未知的列（可用的列：" + known_zh + "，以及已启用插件的字段）",
          "unknown column (known: " + known_en + ", and the enabled plugins' fields)"};
    }
    const std::string key = rc->id.empty() ? "field:" + rc->field_key : rc->id;
    if (!ids.insert(key).second)
      return HeaderProblem{rc->header, "该列出现两次", "column appears twice"};
    out.push_back(std::move(*rc));
  }
  for (const auto& c : fixed_) {
    if (c.required && !ids.count(c.id)) {
      return HeaderProblem{c.zh + "/" + c.id, "缺少必填列", "required column is missing"};
    }
  }
  return std::nullopt;
}

}  // namespace beacon::io
