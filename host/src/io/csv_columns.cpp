#include "io/csv_columns.h"

#include <algorithm>
#include <set>

namespace beacon::io {

namespace {

std::string trim(const std::string& s) {
  const auto a = s.find_first_not_of(" \t");
  if (a == std::string::npos) return std::string();
  return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
  return s;
}

}  // namespace

bool CsvColumns::isKind(const std::string& kind) {
  return kind == "organisations" || kind == "plans" || kind == "drills";
}

CsvColumns::CsvColumns(const plugins::PluginRegistry& registry, const std::string& kind)
    : registry_(registry), kind_(kind) {
  if (kind == "organisations") {
    fixed_ = {
        {"code", "组织编码", {"编码"}, true},
        {"name", "组织名称", {"名称"}, true},
        {"kind", "类型", {"组织类型"}, true},
        {"parent_code", "上级编码", {"上级组织编码"}, false},
    };
    for (const auto* rec : registry.enabled()) {
      for (const auto& f : rec->organisation_fields) {
        field_keys_.push_back(rec->id + "." + f.name);
        field_zh_.push_back(rec->name_zh + ":" + f.label_zh);
        field_en_.push_back("attr:" + rec->id + "." + f.name);
      }
    }
  } else if (kind == "plans") {
    fixed_ = {
        {"code", "预案编码", {"编码"}, true},
        {"title", "预案名称", {"名称"}, true},
        {"domain", "领域", {}, true},
        {"category", "类别", {"预案类别"}, true},
        {"owner_code", "编制单位编码", {"组织编码"}, true},
        {"status", "状态", {}, false},
        {"action", "版本动作", {}, false},
        {"trigger", "修订原因", {}, false},
        {"issued", "印发日期", {}, false},
        {"effective", "施行日期", {}, false},
        {"author", "编写人", {}, false},
        {"text", "正文", {}, false},
    };
  } else {
    fixed_ = {
        {"org_code", "组织编码", {}, true},
        {"domain", "领域", {}, true},
        {"drill_type", "演练类型", {}, true},
        {"date", "演练日期", {"日期"}, true},
        {"place", "地点", {}, false},
        {"scenario", "情景", {}, false},
        {"participants", "参演人数", {}, false},
        {"evacuees", "转移人数", {}, false},
        {"plan_code", "预案编码", {}, false},
        {"plan_version", "预案版本", {}, false},
        {"verdict", "评估结论", {}, false},
        {"findings", "发现问题", {}, false},
    };
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
  if (kind_ == "drills") {
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
  } else if (kind_ == "organisations") {
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

sdk::Status CsvColumns::resolve(const std::vector<std::string>& header,
                                std::vector<ResolvedColumn>& out) const {
  out.clear();
  std::set<std::string> ids;
  for (const auto& h : header) {
    auto rc = match(h);
    if (!rc) {
      std::string known;
      for (const auto& c : fixed_) known += (known.empty() ? "" : ", ") + c.zh + "/" + c.id;
      return sdk::Status::invalid(trim(h), "unknown column (known: " + known +
                                               ", and the enabled plugins' fields)");
    }
    const std::string key = rc->id.empty() ? "field:" + rc->field_key : rc->id;
    if (!ids.insert(key).second) return sdk::Status::invalid(rc->header, "column appears twice");
    out.push_back(std::move(*rc));
  }
  for (const auto& c : fixed_) {
    if (c.required && !ids.count(c.id)) {
      return sdk::Status::invalid(c.zh + "/" + c.id, "required column is missing");
    }
  }
  return sdk::Status::ok();
}

}  // namespace beacon::io
