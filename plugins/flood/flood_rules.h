// FloodRules: the flood-control duties as of a date.
//  - flood.preseason_drill (policy): every township/sub-district, and every
//    village/community with flood.flash_flood_zone=1, drills before the
//    flood season starts; a drill in the rules.flood.preseason_window_months
//    (default 12) before the start meets it, but never one dated inside or
//    before last year's season (that record belongs to last year); a drill
//    inside this year's season meets it late (逾期完成); after the season
//    the year's duty stays overdue. Villages need a live drill (the
//    "逐村逐户" transfer drill); a tabletop exercise does not count for them.
//  - flood.city_plan_preseason (policy): the city's 防汛 专项 plan is revised
//    (a version issued), reviewed/evaluated or drilled in the same window,
//    late inside the season.
// The 36-month drill of the 专项 plan is the host's, not repeated here.
// Stateless; safe to call from several threads.
#pragma once

#include <vector>

#include "beacon/sdk/domain_rules.h"
#include "beacon/sdk/parameter_spec.h"

namespace beacon::plugins::flood {

inline constexpr const char* kPreseasonWindowKey = "rules.flood.preseason_window_months";
inline constexpr int kPreseasonWindowMonths = 12;

class FloodRules : public sdk::DomainRules, public sdk::ParameterCatalogue {
 public:
  // rules.flood.season_start[.<year>], season_end[.<year>], preseason_window_months.
  std::vector<sdk::ParameterSpec> parameters() const override;
  std::vector<sdk::RuleInfo> rules() const override;
  sdk::Status evaluate(const sdk::RuleContext& ctx, std::vector<sdk::Obligation>& out) const override;
};

}  // namespace beacon::plugins::flood
