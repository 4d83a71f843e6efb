// DrillDuties: the two core (all-domain) duties about drill records of their
// own (migration 20), evaluated by the compliance engine after CoreRules
// (which lists them among its rules):
// - core.drill_plan: an enterprise (生产经营单位) makes its annual drill plan
//   (生产安全事故应急预案管理办法 第三十三条) by rules.drill_plan_due (MM-DD of
//   the as-of year, local policy, default 01-31). Only the as-of year's plan
//   counts, and only if made on or before the as-of day; made after the due
//   day the duty is met late (逾期完成, noted 逾期制定于 …), like every duty.
//   Years whose due day is before rules.tracking_start are not checked.
// - core.drill_evaluation: each drill in force from rules.tracking_start on
//   is evaluated within rules.drill_evaluation_days (local policy, default 30)
//   of its date, by the organisation that ran it. A drill that carries a
//   verdict (优/良/中/差) of its own counts as evaluated on its date (the
//   organiser recorded the evaluation's conclusion with it) and gives no
//   obligation; a drill without one needs an evaluation report dated on or
//   before the as-of day. Obligations are listed for drills still open and for
//   those met by a report.
// Stateless; thread-safe.
#pragma once

#include <vector>

#include "beacon/sdk/obligation.h"
#include "rules/rules_config.h"
#include "rules/drill_record_reader.h"
#include "rules/store_record_reader.h"

namespace beacon::rules {

struct CoreObligation;

class DrillDuties {
 public:
  static constexpr const char* kDrillPlan = "core.drill_plan";
  static constexpr const char* kDrillEvaluation = "core.drill_evaluation";
  // Their parameters (rules.*, checked by RulesConfig) and local-policy defaults.
  static constexpr const char* kPlanDueKey = "rules.drill_plan_due";
  static constexpr const char* kPlanDueDefault = "01-31";
  static constexpr const char* kEvaluationDaysKey = "rules.drill_evaluation_days";
  static constexpr int kEvaluationDaysDefault = 30;
  static int evaluationDays(const RulesConfig& config) {
    return config.intValue(kEvaluationDaysKey, kEvaluationDaysDefault);
  }

  static std::vector<sdk::RuleInfo> rules();
  // Appends the duties of the organisations `records` reads and the drill
  // plans and drills `drills` reads (the same scope), as of `as_of`.
  static void evaluate(const StoreRecordReader& records, const DrillRecordReader& drills, const RulesConfig& config,
                       const sdk::Date& as_of, std::vector<CoreObligation>& out);
};

}  // namespace beacon::rules
