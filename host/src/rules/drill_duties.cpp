#include "rules/drill_duties.h"

#include <unordered_map>

#include "rules/core_rules.h"

namespace beacon::rules {

namespace {
const sdk::RuleInfo kRuleInfos[] = {
    {DrillDuties::kDrillPlan, "生产经营单位制定年度应急预案演练计划", "Enterprises make an annual drill plan",
     "《生产安全事故应急预案管理办法》（应急管理部令第2号）第三十三条※截止日期为本地政策（rules.drill_plan_due）",
     sdk::RuleBasis::Law, "rules.drill_plan_due,rules.tracking_start", sdk::RuleScope::Organisation},
    {DrillDuties::kDrillEvaluation, "应急演练结束后进行评估并形成评估报告",
     "Evaluate each drill and write an evaluation report",
     "《生产安全事故应急预案管理办法》（应急管理部令第2号）第三十四条；"
     "《突发事件应急预案管理办法》（国办发〔2024〕5号）第五章"
     "※两处条号待核（部令第2号第三十四条；2024年办法第五章中的条次）；原依据国办发〔2013〕101号第二十三条；"
     "评估期限为本地政策（rules.drill_evaluation_days）",
     sdk::RuleBasis::Law, "rules.drill_evaluation_days,rules.tracking_start", sdk::RuleScope::Organisation},
};

sdk::Obligation start(const sdk::RuleInfo& r, sdk::ObligationKind kind, sdk::RecordId org_id,
                      const std::string& domain) {
  sdk::Obligation o;
  o.rule_id = r.id;
  o.domain = domain;
  o.kind = kind;
  o.title_zh = r.title_zh;
  o.title_en = r.title_en;
  o.citation = r.citation;
  o.basis = r.basis;
  o.org_id = org_id;
  return o;
}

// The due day of `year`'s drill plan: rules.drill_plan_due (MM-DD, checked at
// load), 29 February read as the month's last day in other years.
sdk::Date planDue(const RulesConfig& config, int year) {
  const std::string md = config.stringValue(DrillDuties::kPlanDueKey, DrillDuties::kPlanDueDefault);
  const int month = std::stoi(md.substr(0, 2));
  const int day = std::stoi(md.substr(3, 2));
  const int last = sdk::Date::daysInMonth(year, month);
  return sdk::Date{year, month, day > last ? last : day};
}
}  // namespace

std::vector<sdk::RuleInfo> DrillDuties::rules() {
  return std::vector<sdk::RuleInfo>(std::begin(kRuleInfos), std::end(kRuleInfos));
}

void DrillDuties::evaluate(const StoreRecordReader& records, const DrillRecordReader& drills,
                           const RulesConfig& config, const sdk::Date& as_of, std::vector<CoreObligation>& out) {
  const sdk::Date tracking_start = config.trackingStart();
  const int year = as_of.year;
  const sdk::Date due = planDue(config, year);
  if (due >= tracking_start) {
    std::unordered_map<sdk::RecordId, const store::DrillPlan*> made;
    const auto plans = drills.drillPlans(year);
    for (const auto& p : plans) {
      if (p.made_on <= as_of) made[p.org_id] = &p;
    }
    for (const auto& org : records.organisations()) {
      if (org.kind != sdk::OrgKind::Enterprise) continue;
      sdk::Obligation o = start(kRuleInfos[0], sdk::ObligationKind::Drill, org.id, sdk::kGeneralDomain);
      o.due = due;
      o.note = std::to_string(year) + " 年度演练计划";
      const auto it = made.find(org.id);
      if (it != made.end()) {
        const store::DrillPlan& p = *it->second;
        o.last_met = {"drill_plan", p.id, p.made_on};
        o.period_satisfied = true;  // made after the due day: 逾期完成 (the engine counts the days)
        if (p.made_on > due) o.note += "；逾期制定于 " + p.made_on.toString();
      }
      out.push_back({std::move(o), {}});
    }
  }

  const int days = evaluationDays(config);
  for (const auto& s : drills.evaluationStates(tracking_start, as_of)) {
    const bool reported = s.evaluation_id != 0 && s.evaluated <= as_of;
    if (!reported && s.drill.verdict != sdk::DrillVerdict::None) continue;  // evaluated with the drill
    sdk::Obligation o = start(kRuleInfos[1], sdk::ObligationKind::Evaluation, s.drill.org_id, s.drill.domain);
    o.due = s.drill.date.addDays(days);
    o.note = "演练 #" + std::to_string(s.drill.id) + "（" + s.drill.date.toString() + "）";
    if (reported) {
      o.last_met = {"drill_evaluation", s.evaluation_id, s.evaluated};
      o.period_satisfied = true;  // reported after the due day: 逾期完成
      if (s.evaluated > o.due) o.note += "；逾期评估于 " + s.evaluated.toString();
    }
    out.push_back({std::move(o), {}});
  }
}

}  // namespace beacon::rules
