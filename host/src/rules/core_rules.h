// CoreRules: the duties every plan has whatever its domain (general included),
// from the national plan-management measures (突发事件应急预案管理办法,
// 国办发〔2013〕101号 and 国办发〔2024〕5号) and the Emergency Response Law:
// periodic evaluation, the 36-month drill of 专项/部门 plans, filing and
// publication within 20 working days of issue, and an outstanding revision.
// Citations: the 2024 measures; the 2013 ones they replaced are kept as
// history(). Filing targets come from the FilingTarget given (the
// organisation tree and city.parent_authority).
// Reading of "major revision": a major revision restarts the evaluation
// clock and the filing/publication deadlines (they run from the latest major
// version's issue date); a minor revision restarts neither, and a filing of
// the major version or any later one meets the duty. The drill clock is not
// restarted by a revision: a drill of an earlier version still exercised the
// plan. Only versions issued on or before the as-of date count. Stateless;
// thread-safe.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "beacon/sdk/domain_rules.h"
#include "rules/filing_target.h"
#include "rules/holiday_calendar.h"
#include "rules/plan_history.h"
#include "rules/rules_config.h"
#include "rules/store_record_reader.h"

namespace beacon::rules {

// An obligation with the day from which the host reports it due soon
// whatever the due-soon margin (the 30-month evaluation warning); unset: none.
struct CoreObligation {
  sdk::Obligation obligation;
  sdk::Date warn_from;
};

class CoreRules {
 public:
  static constexpr const char* kEvaluation = "core.evaluation";
  static constexpr const char* kSpecialDrill = "core.special_drill";
  static constexpr const char* kFiling = "core.filing";
  static constexpr const char* kPublication = "core.publication";
  static constexpr const char* kRevision = "core.revision";

  CoreRules() = default;
  explicit CoreRules(FilingTarget filing_target) : filing_target_(std::move(filing_target)) {}

  std::vector<sdk::RuleInfo> rules() const;
  // The citation a rule had before the current one (superseded measures), or "".
  static std::string history(const std::string& rule_id);
  // Appends the core obligations of every plan `records` reads, as the plans
  // stood on `as_of` (`history`: the version in force and the revision
  // requirement then; records dated later are not used). Fails (naming
  // the year) when a deadline needs a day the holiday calendar does not cover.
  sdk::Status evaluate(const StoreRecordReader& records, const PlanHistory& history, const RulesConfig& config,
                       const HolidayCalendar& calendar, const sdk::Date& as_of,
                       std::vector<CoreObligation>& out) const;

 private:
  FilingTarget filing_target_;
};

}  // namespace beacon::rules
