#include "beacon/sdk/testing/fake_rule_parameters.h"

#include <cerrno>
#include <climits>
#include <cstdlib>

#include "beacon/sdk/field_spec.h"

namespace beacon::sdk::testing {

int FakeRuleParameters::intValue(const std::string& key, int default_value) const {
  auto it = values_.find(key);
  if (it == values_.end()) return default_value;
  errno = 0;
  char* end = nullptr;
  const long n = std::strtol(it->second.c_str(), &end, 10);
  if (it->second.empty() || *end != '\0' || errno != 0 || n < INT_MIN || n > INT_MAX) return default_value;
  return static_cast<int>(n);
}

bool FakeRuleParameters::boolValue(const std::string& key, bool default_value) const {
  auto it = values_.find(key);
  bool b = false;
  if (it == values_.end() || !sdk::parseBoolean(it->second, b)) return default_value;
  return b;
}

std::string FakeRuleParameters::stringValue(const std::string& key, const std::string& default_value) const {
  auto it = values_.find(key);
  return it == values_.end() ? default_value : it->second;
}

}  // namespace beacon::sdk::testing
