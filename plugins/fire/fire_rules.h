// FireRules: the fire-drill duties as of a date. Each organisation gets one
// drill-interval duty, from the most specific rule that covers it:
//  - fire.key_unit_drill: fire.key_fire_unit=1, every 6 months
//    (公安部令第61号 第四十条);
//  - fire.property_community_drill: unit_kind property_community, every 12
//    months (河南省消防条例 第十七条(五));
//  - fire.institution_drill: schools, kindergartens, nursing and welfare
//    homes, hospitals, every 12 months (河南省消防条例 第三十七条);
//  - fire.unit_drill: other enterprises, institutions and government
//    departments (机关), every 12 months (公安部令第61号 第四十条);
//  - fire.village_drill (policy): other villages and communities, every
//    rules.fire.village_interval_months (default 12; 0 disables).
// A duty with no drill yet runs from rules.tracking_start. Townships and
// sub-districts also get fire.fire_day (policy): a drill or publicity drill
// in the rules.fire.fire_day_window_months (default 1; 0 disables) up to the
// Henan Fire Day, 11-09 (河南省消防条例 第八条); one later in the same year
// meets it late (逾期完成). Any fire drill of the organisation counts.
// Stateless; safe to call from several threads.
#pragma once

#include <vector>

#include "beacon/sdk/domain_rules.h"
#include "beacon/sdk/parameter_spec.h"

namespace beacon::plugins::fire {

class FireRules : public sdk::DomainRules, public sdk::ParameterCatalogue {
 public:
  // Each interval rule's rules.fire.*_interval_months and rules.fire.fire_day_window_months.
  std::vector<sdk::ParameterSpec> parameters() const override;
  std::vector<sdk::RuleInfo> rules() const override;
  sdk::Status evaluate(const sdk::RuleContext& ctx, std::vector<sdk::Obligation>& out) const override;
};

}  // namespace beacon::plugins::fire
