// EarthquakeRules: earthquake.township_drill (policy: no statute fixes an
// interval): every township and sub-district runs an earthquake drill (any of
// the domain's types) at least every rules.earthquake.township_interval_months
// (default 12), counted from its last drill, else from rules.tracking_start.
// Stateless; safe to call from several threads.
#pragma once

#include <vector>

#include "beacon/sdk/domain_rules.h"

namespace example::earthquake {

inline constexpr const char* kTownshipIntervalKey = "rules.earthquake.township_interval_months";
inline constexpr int kTownshipIntervalDefault = 12;

class EarthquakeRules : public beacon::sdk::DomainRules {
 public:
  std::vector<beacon::sdk::RuleInfo> rules() const override;
  beacon::sdk::Status evaluate(const beacon::sdk::RuleContext& ctx,
                               std::vector<beacon::sdk::Obligation>& out) const override;
};

}  // namespace example::earthquake
