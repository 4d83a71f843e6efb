// FakeRuleParameters: sdk::RuleParameters backed by a map, for rule tests.
// A key that is absent yields the default; an integer or boolean value that
// does not parse also yields the default, as the host's configuration does.
// Not thread-safe while being filled.
#pragma once

#include <map>
#include <string>

#include "beacon/sdk/host_services.h"

namespace beacon::sdk::testing {

class FakeRuleParameters : public sdk::RuleParameters {
 public:
  FakeRuleParameters() = default;
  FakeRuleParameters(std::map<std::string, std::string> values) : values_(std::move(values)) {}  // NOLINT

  void set(const std::string& key, const std::string& value) { values_[key] = value; }
  int intValue(const std::string& key, int default_value) const override;
  bool boolValue(const std::string& key, bool default_value) const override;
  std::string stringValue(const std::string& key, const std::string& default_value) const override;

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace beacon::sdk::testing
