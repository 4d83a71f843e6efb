#include "beacon/sdk/rule_inputs.h"

namespace beacon::sdk {

bool isTrue(const Organisation& org, const std::string& attribute) {
  auto it = org.attributes.find(attribute);
  return it != org.attributes.end() && it->second == "1";
}

Result<Date> yearlyDay(const RuleParameters& parameters, const std::string& base, int key_year,
                       int day_year, const std::string& fallback) {
  std::string key = base + "." + std::to_string(key_year);
  std::string text = parameters.stringValue(key, "");
  if (text.empty()) {
    key = base;
    text = parameters.stringValue(base, fallback);
  }
  const bool shaped = text.size() == 5 && text[2] == '-';
  auto day = shaped ? Date::parse(std::to_string(day_year) + "-" + text) : std::nullopt;
  if (!day) {
    return Status::invalid(key, "must be a day MM-DD that exists in " + std::to_string(day_year) +
                                    ", got \"" + text + "\"");
  }
  return *day;
}

}  // namespace beacon::sdk
