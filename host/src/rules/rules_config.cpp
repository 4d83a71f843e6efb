#include "rules/rules_config.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <vector>

#include "beacon/sdk/field_spec.h"
#include "beacon/sdk/parameter_spec.h"
#include "install_layout.h"
#include "rules/filing_target.h"

namespace beacon::rules {

namespace {
enum class KeyType { Count, Date, MonthDay };
struct CoreKey {
  const char* key;
  KeyType type;
};
const CoreKey kCoreKeys[] = {
    {"rules.due_soon_days", KeyType::Count},
    {"rules.tracking_start", KeyType::Date},
    {"rules.eval_interval_months", KeyType::Count},
    {"rules.eval_warning_months", KeyType::Count},
    {"rules.special_drill_interval_months", KeyType::Count},
    {"rules.filing_working_days", KeyType::Count},
    {"rules.publication_working_days", KeyType::Count},
    {"rules.drill_plan_due", KeyType::MonthDay},
    {"rules.drill_evaluation_days", KeyType::Count},
    {"rules.defect_revision_days", KeyType::Count},
};

bool parseInt(const std::string& text, long& out) {
  if (text.empty()) return false;
  errno = 0;
  char* end = nullptr;
  out = std::strtol(text.c_str(), &end, 10);
  return *end == '\0' && errno == 0 && out >= -2147483647L && out <= 2147483647L;
}

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool isYear(const std::string& s) {
  return s.size() == 4 && s.find_first_not_of("0123456789") == std::string::npos;
}

bool isIdentifier(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

sdk::Status bad(const std::string& key, const std::string& value, const std::string& why) {
  return sdk::Status::invalid(key, "invalid value \"" + value + "\": " + why);
}

sdk::Status checkCore(const std::string& key, const std::string& value, KeyType type) {
  if (type == KeyType::MonthDay) {
    sdk::ParameterSpec month_day;
    month_day.key = key;
    month_day.type = sdk::ParameterType::MonthDay;
    return sdk::checkParameter(month_day, key, value);
  }
  if (type == KeyType::Date) {
    if (!sdk::Date::parse(value)) return bad(key, value, "expected a date YYYY-MM-DD");
    return sdk::Status::ok();
  }
  long n = 0;
  if (!parseInt(value, n)) return bad(key, value, "expected a whole number");
  if (n < 0) return bad(key, value, "must not be negative");
  return sdk::Status::ok();
}

// rules.<domain>.<name>[.<year>]: only the key's form here. Its value, and whether the plugin
// declares it at all, are checked once the plugins are loaded (plugins/plugin_parameters.h).
sdk::Status checkDomainKeyForm(const std::string& key) {
  std::vector<std::string> parts;
  std::string::size_type start = 0;
  while (true) {
    const auto dot = key.find('.', start);
    parts.push_back(key.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const bool year_suffix = i + 1 == parts.size() && i >= 3 && isYear(parts[i]);
    if (!isIdentifier(parts[i]) && !year_suffix) {
      return sdk::Status::invalid(key, "malformed key (segments are lowercase snake_case)");
    }
  }
  return sdk::Status::ok();
}

// city.parent_authority: a place name (郑州市), not its government or bureau.
sdk::Status checkParentAuthority(const std::string& value) {
  const std::string key = kParentAuthorityKey;
  if (value.empty()) return sdk::Status::invalid(key, "has no value (name the place above the county, e.g. 郑州市)");
  if (value.size() > 60) return bad(key, value, "longer than 60 bytes");
  for (unsigned char c : value) {
    if (c < 0x80 && !std::isalnum(c) && c != ' ' && c != '-') {
      return bad(key, value, "a place name has no punctuation or control characters");
    }
  }
  for (const char* tail : {"人民政府", "应急管理局"}) {
    if (endsWith(value, tail)) return bad(key, value, "name the place (e.g. 郑州市), not its " + std::string(tail));
  }
  return sdk::Status::ok();
}

void collect(const Poco::Util::AbstractConfiguration& config, const std::string& prefix,
             std::map<std::string, std::string>& out) {
  if (config.hasProperty(prefix)) out[prefix] = config.getRawString(prefix);
  Poco::Util::AbstractConfiguration::Keys keys;
  config.keys(prefix, keys);
  for (const auto& k : keys) collect(config, prefix + "." + k, out);
}
}  // namespace

sdk::Result<RulesConfig> RulesConfig::load(const Poco::Util::AbstractConfiguration& config) {
  std::map<std::string, std::string> values;
  try {
    collect(config, "rules", values);
    if (config.hasProperty("calendar.holidays_file")) {
      values["calendar.holidays_file"] = config.getString("calendar.holidays_file");
    }
    if (config.hasProperty(kParentAuthorityKey)) values[kParentAuthorityKey] = config.getRawString(kParentAuthorityKey);
  } catch (const std::exception& e) {
    return sdk::Status::internal(std::string("cannot read the rules configuration: ") + e.what());
  }
  return fromValues(values);
}

sdk::Result<RulesConfig> RulesConfig::fromValues(const std::map<std::string, std::string>& raw) {
  RulesConfig config;
  for (const auto& [key, raw_value] : raw) {
    const auto first = raw_value.find_first_not_of(" \t\r");
    const std::string value =
        first == std::string::npos
            ? std::string()
            : raw_value.substr(first, raw_value.find_last_not_of(" \t\r") - first + 1);
    if (key == "calendar.holidays_file") {
      if (value.empty()) return sdk::Status::invalid(key, "must name a file");
      config.values_[key] = value;
      continue;
    }
    if (key == kParentAuthorityKey) {
      if (sdk::Status s = checkParentAuthority(value); !s.isOk()) return s;
      config.values_[key] = value;
      continue;
    }
    if (key.rfind("rules.", 0) != 0) continue;
    if (value.empty()) return sdk::Status::invalid(key, "has no value");
    const std::string rest = key.substr(6);
    sdk::Status status;
    if (rest.find('.') == std::string::npos) {
      const CoreKey* core = nullptr;
      for (const auto& c : kCoreKeys) {
        if (key == c.key) core = &c;
      }
      if (!core) {
        std::string known;
        for (const auto& c : kCoreKeys) known += (known.empty() ? "" : ", ") + std::string(c.key);
        return sdk::Status::invalid(key, "unknown key (shared rule keys are: " + known +
                                             "; domain keys are rules.<domain>.<name>)");
      }
      status = checkCore(key, value, core->type);
    } else {
      status = checkDomainKeyForm(key);
    }
    if (!status.isOk()) return status;
    config.values_[key] = value;
  }
  if (config.evalWarningMonths() > config.evalIntervalMonths()) {
    return sdk::Status::invalid(
        "rules.eval_warning_months",
        "invalid value \"" + std::to_string(config.evalWarningMonths()) +
            "\": must not exceed rules.eval_interval_months (" +
            std::to_string(config.evalIntervalMonths()) + ")");
  }
  return config;
}

int RulesConfig::intValue(const std::string& key, int default_value) const {
  const auto it = values_.find(key);
  long n = 0;
  if (it == values_.end() || !parseInt(it->second, n)) return default_value;
  return static_cast<int>(n);
}

bool RulesConfig::boolValue(const std::string& key, bool default_value) const {
  const auto it = values_.find(key);
  bool b = default_value;
  if (it == values_.end() || !sdk::parseBoolean(it->second, b)) return default_value;
  return b;
}

std::string RulesConfig::stringValue(const std::string& key, const std::string& default_value) const {
  const auto it = values_.find(key);
  return it == values_.end() ? default_value : it->second;
}

sdk::Date RulesConfig::trackingStart() const {
  const auto d = sdk::Date::parse(stringValue("rules.tracking_start", kTrackingStart));
  return d ? *d : *sdk::Date::parse(kTrackingStart);
}

std::string RulesConfig::holidaysFile() const {
  return stringValue("calendar.holidays_file", installLayout().holidays_file);
}

}  // namespace beacon::rules
