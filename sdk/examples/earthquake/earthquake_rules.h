// EarthquakeRules: earthquake.township_drill (policy: no statute fixes an
// interval): every township and sub-district runs an earthquake drill (any of
// the domain's types) at least every rules.earthquake.township_interval_months
// (default 12), counted from its last drill, else from rules.tracking_start.
// It declares that parameter (ParameterCatalogue), so the host checks it at
// start-up and refuses a misspelt rules.earthquake.* key.
// Stateless; safe to call from several threads.
#pragma once

#include <vector>

#include "beacon/sdk/domain_rules.h"
#include "beacon/sdk/parameter_spec.h"

namespace example::earthquake {

inline constexpr const char* kTownshipIntervalKey = "rules.earthquake.township_interval_months";
inline constexpr int kTownshipIntervalDefault = 12;

class EarthquakeRules : public beacon::sdk::DomainRules, public beacon::sdk::ParameterCatalogue {
 public:
  std::vector<beacon::sdk::ParameterSpec> parameters() const override;
  std::vector<beacon::sdk::RuleInfo> rules() const override;
  beacon::sdk::Status evaluate(const beacon::sdk::RuleContext& ctx,
                               std::vector<beacon::sdk::Obligation>& out) const override;
};

}  // namespace example::earthquake
