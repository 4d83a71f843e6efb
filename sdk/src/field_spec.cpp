#include "beacon/sdk/field_spec.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>

namespace beacon::sdk {

bool parseBoolean(const std::string& t, bool& out) {
  if (t == "1" || t == "true" || t == "yes" || t == "是" || t == "Y" || t == "y") {
    out = true;
    return true;
  }
  if (t == "0" || t == "false" || t == "no" || t == "否" || t == "N" || t == "n") {
    out = false;
    return true;
  }
  return false;
}

namespace {
Status checkValue(const FieldSpec& spec, const std::string& v) {
  switch (spec.type) {
    case FieldType::Text:
      if (v.size() > 4000) return Status::invalid(spec.name, "too long (max 4000 bytes)");
      return Status::ok();
    case FieldType::Integer: {
      errno = 0;
      char* end = nullptr;
      const long n = std::strtol(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || errno != 0) {
        return Status::invalid(spec.name, "must be a whole number, got \"" + v + "\"");
      }
      if (n < spec.min_value || n > spec.max_value) {
        return Status::invalid(spec.name, "must be between " + std::to_string(spec.min_value) +
                                              " and " + std::to_string(spec.max_value));
      }
      return Status::ok();
    }
    case FieldType::Boolean: {
      bool b = false;
      if (!parseBoolean(v, b)) return Status::invalid(spec.name, "must be yes/no (是/否), got \"" + v + "\"");
      return Status::ok();
    }
    case FieldType::Choice: {
      const auto& a = spec.allowed_values;
      if (std::find(a.begin(), a.end(), v) == a.end()) {
        std::string list;
        for (const auto& x : a) list += (list.empty() ? "" : ", ") + x;
        return Status::invalid(spec.name, "\"" + v + "\" is not one of: " + list);
      }
      return Status::ok();
    }
    case FieldType::Date:
      if (!Date::parse(v)) return Status::invalid(spec.name, "must be a date YYYY-MM-DD, got \"" + v + "\"");
      return Status::ok();
  }
  return Status::ok();
}
}  // namespace

FieldValues normalizeFields(const std::vector<FieldSpec>& specs, const FieldValues& values) {
  FieldValues out;
  for (const auto& entry : values) {
    const std::string& name = entry.first;  // not a structured binding: C++17 lambdas cannot capture one
    std::string v = entry.second;
    const auto first = v.find_first_not_of(" \t");
    v = first == std::string::npos ? std::string() : v.substr(first, v.find_last_not_of(" \t") - first + 1);
    auto spec = std::find_if(specs.begin(), specs.end(), [&](const FieldSpec& s) { return s.name == name; });
    if (spec != specs.end()) {
      if (spec->type == FieldType::Boolean) {
        bool b = false;
        if (parseBoolean(v, b)) v = b ? "1" : "0";
      } else if (spec->type == FieldType::Choice) {
        for (std::size_t i = 0; i < spec->allowed_labels_zh.size() && i < spec->allowed_values.size(); ++i) {
          if (spec->allowed_labels_zh[i] == v) v = spec->allowed_values[i];
        }
      }
    }
    out[name] = v;
  }
  return out;
}

Status validateFields(const std::vector<FieldSpec>& specs, const FieldValues& values) {
  for (const auto& entry : values) {
    const std::string& name = entry.first;  // not a structured binding: C++17 lambdas cannot capture one
    const bool known = std::any_of(specs.begin(), specs.end(),
                                   [&](const FieldSpec& s) { return s.name == name; });
    if (!known) return Status::invalid(name, "unknown field");
  }
  for (const auto& spec : specs) {
    auto it = values.find(spec.name);
    if (it == values.end() || it->second.empty()) {
      if (spec.required) return Status::invalid(spec.name, "is required");
      continue;
    }
    Status s = checkValue(spec, it->second);
    if (!s.isOk()) return s;
  }
  return Status::ok();
}

}  // namespace beacon::sdk
