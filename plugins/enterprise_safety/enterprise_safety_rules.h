// EnterpriseSafetyRules: the work-safety duties as of a date.
// For organisations of kind Enterprise:
//  - enterprise_safety.annual_drill: a 综合 or 专项 plan drill each calendar
//    year (部令2号 第三十三条 ¶1); a tabletop counts when it names a
//    comprehensive or special plan;
//  - enterprise_safety.on_site_plan_drill: each of its 现场处置方案 (category
//    on_site) drilled every 6 months; a drill counts when its plan_id is the
//    plan (部令2号 第三十三条 ¶1, read per plan as 江苏省应急管理厅 does);
//  - key_unit_cond8=1: enterprise_safety.key_unit_drill, any drill every 6
//    months, and enterprise_safety.key_unit_report, a drill reported to the
//    county (fields.reported_to_county == "1") every 6 months
//    (生产安全事故应急条例 第八条 ¶2; 部令2号 第三十三条 ¶2);
//  - major_hazard_source=1: enterprise_safety.major_hazard_drill, any drill
//    every 6 months (河南省安全生产条例 第二十三条(四)); and, from
//    原总局令第40号 第二十一条第一款, enterprise_safety.major_hazard_special_drill,
//    a 专项应急预案 drill (type special, or a drill naming a special plan) every
//    12 months, and enterprise_safety.major_hazard_on_site_drill, a 现场处置方案
//    drill (type on_site, or naming an on_site plan) every 6 months; Beacon
//    cannot tell which special or on-site plan is the hazard's, so any counts;
//  - eval_3yr=1: enterprise_safety.plan_evaluation, each plan evaluated
//    (Review kind Evaluation) every 36 months (部令2号 第三十五条);
//  - review_required=1: enterprise_safety.plan_review, a 评审 (Review kind
//    Review) of the current version by its issue date (部令2号 第二十一条);
//  - filing_required=1: enterprise_safety.plan_filing, the current version
//    filed within 20 working days of its issue date (部令2号 第二十六条).
// For government work-safety plans (owner City/Department/Township/
// SubDistrict): enterprise_safety.government_drill, each drilled every 24
// months (生产安全事故应急条例 第八条 ¶1).
// Interval duties without a record run from the later of rules.tracking_start
// and the plan's first issue date. Abolished plans carry no duties; a plan
// not yet issued gets not-applicable plan duties. Stateless; thread-safe.
#pragma once

#include <vector>

#include "beacon/sdk/domain_rules.h"
#include "beacon/sdk/parameter_spec.h"

namespace beacon::plugins::enterprise_safety {

class EnterpriseSafetyRules : public sdk::DomainRules, public sdk::ParameterCatalogue {
 public:
  // The rules.enterprise_safety.*_interval_months and filing_working_days.
  std::vector<sdk::ParameterSpec> parameters() const override;
  std::vector<sdk::RuleInfo> rules() const override;
  sdk::Status evaluate(const sdk::RuleContext& ctx, std::vector<sdk::Obligation>& out) const override;
};

}  // namespace beacon::plugins::enterprise_safety
