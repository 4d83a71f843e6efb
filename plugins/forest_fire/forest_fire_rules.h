// ForestFireRules: forest_fire.predrill (policy, UNCONFIRMED: no statute
// fixes a forest-fire drill interval): every township or sub-district with
// forest_fire.forest_fire_duty=1 drills in the
// rules.forest_fire.predrill_window_months (default 6) before the
// fire-prevention period starts (11-01, per-year overrides, see
// fire_period.h). Any forest-fire drill of the organisation counts. The duty
// as of a day inside a period is that period's (it crosses the new year); a
// drill inside the period meets it late (逾期完成) and a drill inside the
// period before never counts for this one.
// Stateless; safe to call from several threads.
#pragma once

#include <vector>

#include "beacon/sdk/domain_rules.h"
#include "beacon/sdk/parameter_spec.h"

namespace beacon::plugins::forest_fire {

inline constexpr const char* kPredrillWindowKey = "rules.forest_fire.predrill_window_months";
inline constexpr int kPredrillWindowMonths = 6;

class ForestFireRules : public sdk::DomainRules, public sdk::ParameterCatalogue {
 public:
  // rules.forest_fire.period_start[.<year>], period_end[.<year>], predrill_window_months.
  std::vector<sdk::ParameterSpec> parameters() const override;
  std::vector<sdk::RuleInfo> rules() const override;
  sdk::Status evaluate(const sdk::RuleContext& ctx, std::vector<sdk::Obligation>& out) const override;
};

}  // namespace beacon::plugins::forest_fire
