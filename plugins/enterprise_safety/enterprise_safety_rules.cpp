#include "enterprise_safety_rules.h"

#include "beacon/sdk/all_or_nothing.h"

#include <algorithm>
#include <exception>
#include <iterator>
#include <map>
#include <string>

#include "beacon/sdk/interval_rule.h"
#include "beacon/sdk/rule_inputs.h"
#include "drill_types.h"
#include "fields.h"

namespace beacon::plugins::enterprise_safety {

namespace {

const char* kDomain = "enterprise_safety";
const char* kOrder2 = "《生产安全事故应急预案管理办法》（应急管理部令第2号）";
const char* kRegulation = "《生产安全事故应急条例》";
const char* kOrder40 = "《危险化学品重大危险源监督管理暂行规定》（原国家安全生产监督管理总局令第40号）";

const char* kOnSiteKey = "rules.enterprise_safety.on_site_interval_months";
const char* kKeyUnitKey = "rules.enterprise_safety.key_unit_interval_months";
const char* kMajorHazardKey = "rules.enterprise_safety.major_hazard_interval_months";
const char* kEvalKey = "rules.enterprise_safety.eval_interval_months";
const char* kFilingKey = "rules.enterprise_safety.filing_working_days";
const char* kGovernmentKey = "rules.enterprise_safety.government_drill_interval_months";
const char* kMajorHazardSpecialKey = "rules.enterprise_safety.major_hazard_special_interval_months";
const char* kMajorHazardOnSiteKey = "rules.enterprise_safety.major_hazard_on_site_interval_months";
constexpr int kFilingWorkingDays = 20;  // 1..365

// The month-interval parameters and their legal defaults, in the order readParameters() fills them.
struct MonthKey {
  const char* key;
  int default_months;
  const char* meaning;
};
const MonthKey kMonthKeys[] = {
    {kOnSiteKey, 6, "现场处置方案演练间隔（月）"},
    {kKeyUnitKey, 6, "重点单位演练并报告的间隔（月）"},
    {kMajorHazardKey, 6, "重大危险源预案演练间隔（月）"},
    {kEvalKey, 36, "预案评估间隔（月）"},
    {kGovernmentKey, 24, "政府生产安全事故应急救援预案演练间隔（月）"},
    {kMajorHazardSpecialKey, 12, "重大危险源专项预案演练间隔（月）"},
    {kMajorHazardOnSiteKey, 6, "重大危险源现场处置方案演练间隔（月）"},
};

enum Which {
  kAnnual,
  kOnSite,
  kKeyUnitDrill,
  kKeyUnitReport,
  kMajorHazard,
  kEvaluation,
  kReview,
  kFiling,
  kGovernment,
  kMajorHazardSpecial,
  kMajorHazardOnSite,
};

const std::vector<sdk::RuleInfo>& ruleTable() {
  using sdk::RuleBasis;
  const std::string o2 = kOrder2;
  const std::string track = ", rules.tracking_start";
  static const std::vector<sdk::RuleInfo> kRules = {
      {"enterprise_safety.annual_drill", "生产经营单位每年至少一次综合或专项应急预案演练",
       "At least one comprehensive or special plan drill a year", o2 + "第三十三条第一款",
       RuleBasis::Law, "", sdk::RuleScope::Organisation},
      {"enterprise_safety.on_site_plan_drill", "每个现场处置方案每半年至少演练一次",
       "Each on-site disposal plan drilled every 6 months",
       o2 + "第三十三条第一款※“每个现场处置方案”分别计算系参照江苏省应急管理厅的答复，河南省未见同类解释",
       RuleBasis::Law,
       kOnSiteKey + track, sdk::RuleScope::Organisation},
      {"enterprise_safety.key_unit_drill", "条例第八条重点单位每半年至少演练一次",
       "Key units (Regulation art. 8) drill every 6 months",
       std::string(kRegulation) + "第八条第二款；" + o2 + "第三十三条第二款", RuleBasis::Law,
       kKeyUnitKey + track, sdk::RuleScope::Organisation},
      {"enterprise_safety.key_unit_report", "条例第八条重点单位演练结果报县级主管部门",
       "Key units report drill results to the county-level department",
       std::string(kRegulation) + "第八条第二款；" + o2 + "第三十三条第二款", RuleBasis::Law,
       kKeyUnitKey + track, sdk::RuleScope::Organisation},
      {"enterprise_safety.major_hazard_drill", "重大危险源应急预案每半年至少演练一次",
       "Major hazard source plan drilled every 6 months", "《河南省安全生产条例》第二十三条第（四）项",
       RuleBasis::Law, kMajorHazardKey + track, sdk::RuleScope::Organisation},
      {"enterprise_safety.plan_evaluation", "应急预案每三年至少评估一次",
       "Plan evaluated every 3 years", o2 + "第三十五条", RuleBasis::Law, kEvalKey + track, sdk::RuleScope::Organisation},
      {"enterprise_safety.plan_review", "应急预案公布前评审",
       "Plan formally reviewed before publication", o2 + "第二十一条", RuleBasis::Law, "", sdk::RuleScope::Organisation},
      {"enterprise_safety.plan_filing", "应急预案公布之日起20个工作日内备案",
       "Plan filed within 20 working days of publication",
       o2 + "第二十六条；" + kRegulation + "第七条", RuleBasis::Law, kFilingKey, sdk::RuleScope::Organisation},
      {"enterprise_safety.government_drill",
       "政府及部门、乡镇（街道）生产安全事故应急救援预案每2年至少演练一次",
       "Government work-safety plans drilled every 2 years", std::string(kRegulation) + "第八条第一款",
       RuleBasis::Law, kGovernmentKey + track, sdk::RuleScope::Organisation},
      // Appended (issue #11): 原总局令第40号 第二十一条第一款, for units with a major hazard source.
      {"enterprise_safety.major_hazard_special_drill", "重大危险源专项应急预案每年至少演练一次",
       "Major hazard source special plan drilled at least once a year",
       std::string(kOrder40) + "第二十一条第一款第（一）项", RuleBasis::Law, kMajorHazardSpecialKey + track, sdk::RuleScope::Organisation},
      {"enterprise_safety.major_hazard_on_site_drill", "重大危险源现场处置方案每半年至少演练一次",
       "Major hazard source on-site disposal plan drilled at least every 6 months",
       std::string(kOrder40) + "第二十一条第一款第（二）项", RuleBasis::Law, kMajorHazardOnSiteKey + track, sdk::RuleScope::Organisation},
  };
  return kRules;
}

bool isGovernment(sdk::OrgKind kind) {
  return sdk::levelOf(kind) == sdk::PlanLevel::City || kind == sdk::OrgKind::Department ||
         kind == sdk::OrgKind::Township || kind == sdk::OrgKind::SubDistrict;
}

sdk::Obligation make(Which which, sdk::ObligationKind kind, sdk::RecordId org_id,
                     sdk::RecordId plan_id) {
  return sdk::obligationFor(ruleTable()[which], kDomain, kind, org_id, plan_id);
}

// The plan facts the per-plan rules need.
struct PlanFacts {
  const sdk::Plan* plan = nullptr;
  sdk::Date first_issued;  // unset when no version was ever issued
  const sdk::PlanVersion* current = nullptr;
  sdk::Date previous_issued;  // issue date of the version before the current one
  std::vector<sdk::PlanVersion> versions;
};

PlanFacts factsOf(const sdk::Plan& plan, const sdk::RecordReader& records) {
  PlanFacts f;
  f.plan = &plan;
  f.versions = records.versions(plan.id);
  for (const auto& v : f.versions) {
    if (v.issued.isSet() && (!f.first_issued.isSet() || v.issued < f.first_issued))
      f.first_issued = v.issued;
  }
  for (const auto& v : f.versions) {
    if (v.number == plan.current_version) f.current = &v;
  }
  if (f.current) {
    for (const auto& v : f.versions) {
      if (v.number < f.current->number && v.issued.isSet() &&
          (!f.previous_issued.isSet() || f.previous_issued < v.issued)) {
        f.previous_issued = v.issued;
      }
    }
  }
  return f;
}

sdk::Obligation notIssued(Which which, sdk::ObligationKind kind, const sdk::Plan& plan) {
  sdk::Obligation o = make(which, kind, plan.owner_org_id, plan.id);
  o.applicable = false;
  o.note = "预案当前版本尚未印发（公布）";
  return o;
}

class Evaluator {
 public:
  Evaluator(const sdk::RuleContext& ctx, std::vector<sdk::Obligation>& out)
      : ctx_(ctx), out_(out) {}

  sdk::Status run() {
    sdk::Status s = readParameters();
    if (!s.isOk()) return s;
    const int longest =
        std::max({on_site_, key_unit_, major_hazard_, government_, hazard_special_, hazard_on_site_});
    const sdk::Date from =
        std::min({tracking_, ctx_.as_of.addMonths(-longest), sdk::Date{ctx_.as_of.year, 1, 1}});

    const auto plans = ctx_.records.plans();
    std::map<sdk::RecordId, const sdk::Plan*> plan_by_id;
    for (const auto& p : plans) plan_by_id[p.id] = &p;
    // The duties only ask for each group's newest drill (SDK 1.2), not every drill.
    for (const auto& g : ctx_.records.latestDrills(from, ctx_.as_of, "")) {
      any_[g.org_id].push_back(g.drill);
      if (g.plan_id != 0) by_plan_[g.plan_id].push_back(g.drill);
      auto plan = plan_by_id.find(g.plan_id);
      const bool names_main_plan =
          plan != plan_by_id.end() && (plan->second->category == sdk::category::kComprehensive ||
                                       plan->second->category == sdk::category::kSpecial);
      if (g.drill_type == kComprehensiveDrill || g.drill_type == kSpecialDrill ||
          (g.drill_type == kTabletopDrill && names_main_plan)) {
        main_plan_[g.org_id].push_back(g.drill);
      }
      const bool names = plan != plan_by_id.end();
      if (g.drill_type == kSpecialDrill || (names && plan->second->category == sdk::category::kSpecial)) {
        special_plan_[g.org_id].push_back(g.drill);
      }
      if (g.drill_type == kOnSiteDrill || (names && plan->second->category == sdk::category::kOnSite)) {
        on_site_plan_[g.org_id].push_back(g.drill);
      }
    }
    for (const auto& g : ctx_.records.latestDrills(from, ctx_.as_of, kReportedToCountyField)) {
      reported_[g.org_id].push_back(g.drill);
    }

    std::map<sdk::RecordId, const sdk::Organisation*> org_by_id;
    const auto organisations = ctx_.records.organisations();
    for (const auto& org : organisations) {
      org_by_id[org.id] = &org;
      if (org.kind == sdk::OrgKind::Enterprise) enterpriseDuties(org);
    }
    for (const auto& plan : plans) {
      if (plan.status == sdk::PlanStatus::Abolished) continue;
      auto owner = org_by_id.find(plan.owner_org_id);
      if (owner == org_by_id.end()) continue;
      s = planDuties(plan, *owner->second);
      if (!s.isOk()) return s;
    }
    return sdk::Status::ok();
  }

 private:
  sdk::Status readParameters() {
    auto tracking = sdk::trackingStart(ctx_.parameters);
    if (!tracking.isOk()) return tracking.status();
    tracking_ = tracking.value();
    int* const targets[] = {&on_site_,   &key_unit_,       &major_hazard_, &evaluation_,
                            &government_, &hazard_special_, &hazard_on_site_};
    static_assert(sizeof(targets) / sizeof(targets[0]) == std::size(kMonthKeys));
    for (std::size_t i = 0; i < std::size(kMonthKeys); ++i) {
      auto value = sdk::intervalMonths(ctx_.parameters, kMonthKeys[i].key, kMonthKeys[i].default_months);
      if (!value.isOk()) return value.status();
      *targets[i] = value.value();
    }
    filing_days_ = ctx_.parameters.intValue(kFilingKey, kFilingWorkingDays);
    if (filing_days_ < 1 || filing_days_ > 365) {
      return sdk::Status::invalid(kFilingKey,
                                  "must be a number of working days between 1 and 365, got " +
                                      std::to_string(filing_days_));
    }
    return sdk::Status::ok();
  }

  void enterpriseDuties(const sdk::Organisation& org) {
    sdk::Obligation annual = make(kAnnual, sdk::ObligationKind::Drill, org.id, 0);
    sdk::applyCalendarYear(annual, main_plan_[org.id], ctx_.as_of);
    out_.push_back(std::move(annual));
    if (sdk::isTrue(org, kKeyUnitAttribute)) {
      sdk::Obligation drill = make(kKeyUnitDrill, sdk::ObligationKind::Drill, org.id, 0);
      sdk::applyInterval(drill, any_[org.id], tracking_, key_unit_, ctx_.as_of);
      out_.push_back(std::move(drill));
      sdk::Obligation report = make(kKeyUnitReport, sdk::ObligationKind::Report, org.id, 0);
      sdk::applyInterval(report, reported_[org.id], tracking_, key_unit_, ctx_.as_of);
      report.note = "计入已报送县级主管部门的演练";
      out_.push_back(std::move(report));
    }
    if (sdk::isTrue(org, kMajorHazardAttribute)) {
      sdk::Obligation o = make(kMajorHazard, sdk::ObligationKind::Drill, org.id, 0);
      sdk::applyInterval(o, any_[org.id], tracking_, major_hazard_, ctx_.as_of);
      out_.push_back(std::move(o));
      sdk::Obligation special = make(kMajorHazardSpecial, sdk::ObligationKind::Drill, org.id, 0);
      sdk::applyInterval(special, special_plan_[org.id], tracking_, hazard_special_, ctx_.as_of);
      out_.push_back(std::move(special));
      sdk::Obligation on_site = make(kMajorHazardOnSite, sdk::ObligationKind::Drill, org.id, 0);
      sdk::applyInterval(on_site, on_site_plan_[org.id], tracking_, hazard_on_site_, ctx_.as_of);
      out_.push_back(std::move(on_site));
    }
  }

  sdk::Status planDuties(const sdk::Plan& plan, const sdk::Organisation& owner) {
    const PlanFacts facts = factsOf(plan, ctx_.records);
    const sdk::Date anchor = std::max(tracking_, facts.first_issued);
    if (isGovernment(owner.kind)) {
      if (!facts.first_issued.isSet()) {
        out_.push_back(notIssued(kGovernment, sdk::ObligationKind::Drill, plan));
        return sdk::Status::ok();
      }
      sdk::Obligation o = make(kGovernment, sdk::ObligationKind::Drill, plan.owner_org_id, plan.id);
      sdk::applyInterval(o, by_plan_[plan.id], anchor, government_, ctx_.as_of);
      out_.push_back(std::move(o));
      return sdk::Status::ok();
    }
    if (owner.kind != sdk::OrgKind::Enterprise) return sdk::Status::ok();

    if (plan.category == sdk::category::kOnSite) {
      if (!facts.first_issued.isSet()) {
        out_.push_back(notIssued(kOnSite, sdk::ObligationKind::Drill, plan));
      } else {
        sdk::Obligation o = make(kOnSite, sdk::ObligationKind::Drill, plan.owner_org_id, plan.id);
        sdk::applyInterval(o, by_plan_[plan.id], anchor, on_site_, ctx_.as_of);
        out_.push_back(std::move(o));
      }
    }
    if (sdk::isTrue(owner, kEvalAttribute)) evaluationDuty(plan, facts);
    if (sdk::isTrue(owner, kReviewRequiredAttribute)) reviewDuty(plan, facts);
    if (sdk::isTrue(owner, kFilingRequiredAttribute)) return filingDuty(plan, facts);
    return sdk::Status::ok();
  }

  void evaluationDuty(const sdk::Plan& plan, const PlanFacts& facts) {
    if (!facts.current || !facts.current->issued.isSet()) {
      out_.push_back(notIssued(kEvaluation, sdk::ObligationKind::Evaluation, plan));
      return;
    }
    std::vector<sdk::RecordRef> done;
    for (const auto& r : ctx_.records.reviews(plan.id)) {
      if (r.kind == sdk::ReviewKind::Evaluation) done.push_back({"review", r.id, r.date});
    }
    sdk::Obligation o =
        make(kEvaluation, sdk::ObligationKind::Evaluation, plan.owner_org_id, plan.id);
    sdk::applyInterval(o, done, std::max(tracking_, facts.current->issued), evaluation_,
                       ctx_.as_of);
    out_.push_back(std::move(o));
  }

  void reviewDuty(const sdk::Plan& plan, const PlanFacts& facts) {
    if (!facts.current || !facts.current->issued.isSet()) {
      out_.push_back(notIssued(kReview, sdk::ObligationKind::Review, plan));
      return;
    }
    const sdk::PlanVersion& v = *facts.current;
    sdk::Obligation o = make(kReview, sdk::ObligationKind::Review, plan.owner_org_id, plan.id);
    o.due = v.issued;
    o.note = "第" + std::to_string(v.number) + "版印发于 " + v.issued.toString();
    for (const auto& r : ctx_.records.reviews(plan.id)) {
      if (r.kind != sdk::ReviewKind::Review || r.date > ctx_.as_of) continue;
      const bool for_version = r.plan_version_id == v.id ||
                               (r.plan_version_id == 0 && r.date <= v.issued &&
                                (!facts.previous_issued.isSet() || facts.previous_issued < r.date));
      if (for_version && (!o.last_met.isSet() || o.last_met.date < r.date)) {
        o.last_met = {"review", r.id, r.date};
        o.period_satisfied = true;
      }
    }
    out_.push_back(std::move(o));
  }

  sdk::Status filingDuty(const sdk::Plan& plan, const PlanFacts& facts) {
    if (!facts.current || !facts.current->issued.isSet()) {
      out_.push_back(notIssued(kFiling, sdk::ObligationKind::Filing, plan));
      return sdk::Status::ok();
    }
    const sdk::PlanVersion& v = *facts.current;
    if (v.issued < tracking_) {
      // Issued before Beacon tracks deadlines (rules.tracking_start), as the core
      // filing rule does: the 20-working-day clock is not reconstructed.
      sdk::Obligation o = make(kFiling, sdk::ObligationKind::Filing, plan.owner_org_id, plan.id);
      o.due = v.issued;
      o.applicable = false;
      o.note = "第" + std::to_string(v.number) + "版印发于 " + v.issued.toString() + "，早于跟踪起始日 " +
               tracking_.toString();
      out_.push_back(std::move(o));
      return sdk::Status::ok();
    }
    auto due = ctx_.calendar.addWorkingDays(v.issued, filing_days_);
    if (!due.isOk()) {
      return sdk::Status::internal(
          "enterprise_safety.plan_filing: cannot compute the deadline of plan " + plan.code +
          " version " + std::to_string(v.number) + ": " + due.status().describe());
    }
    sdk::Obligation o = make(kFiling, sdk::ObligationKind::Filing, plan.owner_org_id, plan.id);
    o.due = due.value();
    o.note = "第" + std::to_string(v.number) + "版印发于 " + v.issued.toString();
    for (const auto& f : ctx_.records.filings(plan.id)) {
      if (!f.submitted.isSet() || f.submitted > ctx_.as_of) continue;
      const bool for_version =
          f.plan_version_id == v.id || (f.plan_version_id == 0 && f.submitted >= v.issued);
      if (for_version && (!o.last_met.isSet() || f.submitted < o.last_met.date)) {
        o.last_met = {"filing", f.id, f.submitted};
        o.period_satisfied = true;
      }
    }
    if (o.period_satisfied && o.last_met.date > o.due) o.note += "；逾期备案";
    out_.push_back(std::move(o));
    return sdk::Status::ok();
  }

  const sdk::RuleContext& ctx_;
  std::vector<sdk::Obligation>& out_;
  sdk::Date tracking_;
  int on_site_ = 6;
  int key_unit_ = 6;
  int major_hazard_ = 6;
  int evaluation_ = 36;
  int government_ = 24;
  int hazard_special_ = 12;
  int hazard_on_site_ = 6;
  int filing_days_ = 20;
  std::map<sdk::RecordId, std::vector<sdk::RecordRef>> any_;        // by org
  std::map<sdk::RecordId, std::vector<sdk::RecordRef>> reported_;   // by org
  std::map<sdk::RecordId, std::vector<sdk::RecordRef>> special_plan_;  // by org: 专项 plan drills
  std::map<sdk::RecordId, std::vector<sdk::RecordRef>> on_site_plan_;  // by org: 现场处置方案 drills
  std::map<sdk::RecordId, std::vector<sdk::RecordRef>> main_plan_;  // by org: 综合/专项 drills
  std::map<sdk::RecordId, std::vector<sdk::RecordRef>> by_plan_;
};

}  // namespace

std::vector<sdk::RuleInfo> EnterpriseSafetyRules::rules() const { return ruleTable(); }

sdk::Status EnterpriseSafetyRules::evaluate(const sdk::RuleContext& ctx,
                                            std::vector<sdk::Obligation>& out) const {
  return sdk::evaluateAllOrNothing(
      "enterprise_safety", out,
      [&](std::vector<sdk::Obligation>& found) { return Evaluator(ctx, found).run(); });
}

std::vector<sdk::ParameterSpec> EnterpriseSafetyRules::parameters() const {
  std::vector<sdk::ParameterSpec> out;
  for (const MonthKey& m : kMonthKeys) {
    out.push_back({m.key, sdk::ParameterType::Integer, std::to_string(m.default_months), 1, 1200, false, m.meaning});
  }
  out.push_back({kFilingKey, sdk::ParameterType::Integer, std::to_string(kFilingWorkingDays), 1, 365, false,
                 "公布后备案期限（工作日）"});
  return out;
}

}  // namespace beacon::plugins::enterprise_safety
