// ParameterSpec and ParameterCatalogue: the deployment parameters a domain's
// rules read (keys "rules.<domain>.<name>" in beacon.properties), declared by
// the plugin with their type, default and range, so the host checks every
// such key once at start-up: a key no rule declares, or a value out of its
// type or range, stops the host with an error naming the key (and the
// nearest declared key). A plugin whose rules read parameters makes its
// DomainRules also derive from ParameterCatalogue; the host finds it with
// dynamic_cast on Plugin::rules() and guards the call, so a plugin without
// parameters needs nothing (and any rules.<its domain>.* key is then an
// error). Added for issue #15 (SDK minor: a new opt-in interface, version.h).
// ParameterSpec is a plain value; implementations must be safe to call from
// several threads at once.
#pragma once

#include <string>
#include <vector>

#include "beacon/sdk/export.h"
#include "beacon/sdk/status.h"

namespace beacon::sdk {

enum class ParameterType {
  Integer,   // a whole number within [min_value, max_value]
  MonthDay,  // MM-DD, e.g. 05-15
  Date,      // YYYY-MM-DD
  Boolean,   // 1/0, true/false, yes/no, 是/否
  Text,      // any non-empty text
};

struct ParameterSpec {
  std::string
      key;  // the full key, "rules.<domain>.<name>", e.g. rules.flood.preseason_window_months
  ParameterType type = ParameterType::Integer;
  std::string
      default_value;  // the law's (or the local policy's) value, as beacon.properties writes it
  int min_value = 0;  // Integer only, inclusive
  int max_value = 1200;
  bool per_year = false;  // also "<key>.<year>" (e.g. rules.flood.season_start.2024)
  std::string meaning;    // one line for docs and errors, e.g. 汛前演练窗口（月）
};

class BEACON_SDK_API ParameterCatalogue {
 public:
  virtual ~ParameterCatalogue();
  // Every key the domain's rules read.
  virtual std::vector<ParameterSpec> parameters() const = 0;
};

BEACON_SDK_API const char* toId(ParameterType);

// The spec that `key` names: spec.key itself, or spec.key.<four-digit year>
// when spec.per_year. Null when none does.
BEACON_SDK_API const ParameterSpec* findParameter(const std::vector<ParameterSpec>& specs,
                                                  const std::string& key);

// Checks `value` (given for `key`) against `spec`; the failure names `key`.
BEACON_SDK_API Status checkParameter(const ParameterSpec& spec, const std::string& key,
                                     const std::string& value);

// The declared key closest to `key` by edit distance, when it is close
// enough to be a likely misspelling (at most a third of its length); else "".
BEACON_SDK_API std::string nearestParameter(const std::vector<ParameterSpec>& specs,
                                            const std::string& key);

}  // namespace beacon::sdk
