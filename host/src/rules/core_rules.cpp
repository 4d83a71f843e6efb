#include "rules/core_rules.h"

#include <map>
#include <unordered_map>

#include "beacon/sdk/interval_rule.h"
#include "rules/drill_duties.h"
#include "rules/filing_target.h"
#include "rules/provisional_deadline.h"

namespace beacon::rules {

namespace {
// Citations as users read them, with the operator's note after ※ (rules/citation_text.h).
constexpr const char* k2024 = "《突发事件应急预案管理办法》（国办发〔2024〕5号）";

const sdk::RuleInfo kRuleInfos[] = {
    {CoreRules::kEvaluation, "政府及部门应急预案定期评估（原则上每3年一次）",
     "Periodic evaluation of government and department plans (every 3 years)",
     std::string(k2024) + "第六章※条号待核：二手资料称第三十五条，未见原文",
     sdk::RuleBasis::Law,
     "rules.eval_interval_months,rules.eval_warning_months,rules.tracking_start", sdk::RuleScope::Organisation},
    {CoreRules::kSpecialDrill, "专项、部门应急预案至少每3年演练一次",
     "Special and department plans drilled at least every 3 years",
     std::string(k2024) + "第五章※条号待核：二手资料称第三十一条或第三十二条，未见原文",
     sdk::RuleBasis::Law, "rules.special_drill_interval_months,rules.tracking_start", sdk::RuleScope::Organisation},
    {CoreRules::kFiling, "应急预案印发之日起20个工作日内备案",
     "File the plan within 20 working days of issue", std::string(k2024) + "第二十六条",
     sdk::RuleBasis::Law, "rules.filing_working_days,rules.tracking_start,calendar.holidays_file", sdk::RuleScope::Organisation},
    {CoreRules::kPublication, "应急预案印发之日起20个工作日内公开",
     "Publish the plan within 20 working days of issue", std::string(k2024) + "第二十八条",
     sdk::RuleBasis::Law, "rules.publication_working_days,rules.tracking_start,calendar.holidays_file", sdk::RuleScope::Organisation},
    {CoreRules::kRevision, "应急预案需及时修订",
     "A plan found to need revision must be revised promptly",
     "《中华人民共和国突发事件应对法》（2024年修订）第二十八条；" + std::string(k2024) +
         "第六章※修订情形的条号待核：二手资料称第三十六条，未见原文",
     sdk::RuleBasis::Law, "rules.defect_revision_days", sdk::RuleScope::Organisation},
};

// The citations the rules replaced, kept as history (`beacon check --rules`).
const struct {
  const char* id;
  const char* history;
} kHistory[] = {
    {CoreRules::kSpecialDrill,
     "原依据《突发事件应急预案管理办法》（国办发〔2013〕101号）第二十二条，已被国办发〔2024〕5号取代"},
    {CoreRules::kRevision,
     "原依据《突发事件应急预案管理办法》（国办发〔2013〕101号）第二十五条，已被国办发〔2024〕5号取代"},
};

// Days to revise a plan after the event that found a plan defect, when its corrective action has no due
// date. Policy: the law says only "及时" (promptly).
constexpr const char* kDefectRevisionDaysKey = "rules.defect_revision_days";
constexpr int kDefectRevisionDays = 30;

const sdk::RuleInfo& info(const char* id) {
  for (const auto& r : kRuleInfos) {
    if (r.id == id) return r;
  }
  return kRuleInfos[0];
}

sdk::Obligation start(const char* rule_id, sdk::ObligationKind kind, const sdk::Plan& plan) {
  const auto& r = info(rule_id);
  sdk::Obligation o;
  o.rule_id = r.id;
  o.domain = plan.domain;
  o.kind = kind;
  o.title_zh = r.title_zh;
  o.title_en = r.title_en;
  o.citation = r.citation;
  o.basis = r.basis;
  o.org_id = plan.owner_org_id;
  o.plan_id = plan.id;
  return o;
}

bool isGovernment(sdk::PlanLevel level) {
  return level == sdk::PlanLevel::City || level == sdk::PlanLevel::Department;
}

// The issued versions (as of `as_of`) in number order.
std::vector<const sdk::PlanVersion*> issuedVersions(const std::vector<sdk::PlanVersion>& all,
                                                    const sdk::Date& as_of) {
  std::vector<const sdk::PlanVersion*> out;
  for (const auto& v : all) {
    if (v.issued.isSet() && v.issued <= as_of) out.push_back(&v);
  }
  return out;
}

// The version the clocks run from: the latest major issued version (the
// first issued version counts as major whatever its flag).
const sdk::PlanVersion* anchorVersion(const std::vector<const sdk::PlanVersion*>& issued) {
  const sdk::PlanVersion* anchor = nullptr;
  for (const auto* v : issued) {
    if (!anchor || v->major) anchor = v;
  }
  return anchor;
}

std::string anchorNote(const sdk::PlanVersion& anchor) {
  if (anchor.number <= 1 && anchor.action == sdk::VersionAction::Drafted) return std::string();
  return "自第" + std::to_string(anchor.number) + "版（重大修订）印发日 " + anchor.issued.toString() +
         " 起算";
}

void appendNote(sdk::Obligation& o, const std::string& text) {
  if (text.empty()) return;
  o.note += (o.note.empty() ? "" : "；") + text;
}

sdk::Status calendarError(const sdk::Plan& plan, const sdk::Status& s) {
  return sdk::Status::invalid(s.field(), "plan " + plan.code + ": " + s.message());
}
}  // namespace

std::vector<sdk::RuleInfo> CoreRules::rules() const {
  std::vector<sdk::RuleInfo> out(std::begin(kRuleInfos), std::end(kRuleInfos));
  for (auto& r : DrillDuties::rules()) out.push_back(std::move(r));
  return out;
}

std::string CoreRules::history(const std::string& rule_id) {
  for (const auto& h : kHistory) {
    if (rule_id == h.id) return h.history;
  }
  return std::string();
}

sdk::Status CoreRules::evaluate(const StoreRecordReader& records, const PlanHistory& history, const RulesConfig& config,
                                const HolidayCalendar& calendar, const sdk::Date& as_of,
                                std::vector<CoreObligation>& out) const {
  std::unordered_map<sdk::RecordId, sdk::Organisation> orgs;
  for (auto& org : records.organisations()) orgs.emplace(org.id, std::move(org));
  auto plans = records.plans();
  for (auto& plan : plans) history.apply(plan, as_of);
  std::unordered_map<sdk::RecordId, std::vector<sdk::RecordRef>>
      drills;  // each plan's newest drill per type
  for (auto& g : records.latestDrills(sdk::Date{}, as_of, "")) {
    if (g.plan_id != 0) drills[g.plan_id].push_back(std::move(g.drill));
  }
  const auto flagged = history.flaggedOn(as_of);
  const sdk::Date tracking_start = config.trackingStart();
  const int eval_months = config.evalIntervalMonths();
  const int eval_warning_months = config.evalWarningMonths();
  const int drill_months = config.specialDrillIntervalMonths();
  const int filing_days = config.filingWorkingDays();
  const int publication_days = config.publicationWorkingDays();
  const int defect_days = config.intValue(kDefectRevisionDaysKey, kDefectRevisionDays);
  static const std::vector<sdk::PlanVersion> kNoVersions;
  static const std::vector<sdk::RecordRef> kNoDrills;
  out.reserve(out.size() + plans.size() * 2);

  for (const auto& plan : plans) {
    if (plan.status == sdk::PlanStatus::Abolished) continue;
    const auto owner_it = orgs.find(plan.owner_org_id);
    if (owner_it == orgs.end()) continue;
    const sdk::Organisation& owner = owner_it->second;
    const sdk::PlanLevel level = sdk::levelOf(owner.kind);

    if (plan.revision_required) {
      sdk::Obligation o = start(kRevision, sdk::ObligationKind::Revision, plan);
      const auto f = flagged.find(plan.id);
      const PlanAsOf then = history.asOf(plan.id, as_of);
      if (then.revision_required && then.defect) {
        // A plan defect: by its corrective action's due date, else within the policy period
        // (rules.defect_revision_days) of the event that found it.
        o.due = then.due.isSet() ? then.due : then.flagged.addDays(defect_days);
      } else {
        o.due = f != flagged.end() && f->second < as_of ? f->second : as_of.addDays(-1);
      }
      o.note =
          "需修订" + (plan.revision_reason.empty() ? std::string() : "：" + plan.revision_reason);
      if (f != flagged.end()) appendNote(o, "标记日期 " + f->second.toString());
      if (then.revision_required && then.defect) {
        appendNote(o, (then.due.isSet() ? "整改期限 " : "修订期限(政策) ") + o.due.toString());
      }
      out.push_back({o, {}});
    }

    const auto* plan_versions = records.versionsOf(plan.id);
    const auto issued = issuedVersions(plan_versions ? *plan_versions : kNoVersions, as_of);
    const sdk::PlanVersion* anchor = anchorVersion(issued);
    if (!anchor) continue;  // never issued: nothing runs yet

    if (isGovernment(level)) {
      sdk::Obligation o = start(kEvaluation, sdk::ObligationKind::Evaluation, plan);
      std::vector<sdk::RecordRef> done;
      if (const auto* plan_reviews = records.reviewsOf(plan.id)) {
        for (const auto& r : *plan_reviews) {
          if (r.kind == sdk::ReviewKind::Evaluation && r.date >= anchor->issued &&
              r.date <= as_of) {
            done.push_back({"review", r.id, r.date});
          }
        }
      }
      const sdk::Date base = anchor->issued < tracking_start ? tracking_start : anchor->issued;
      sdk::applyInterval(o, done, base, eval_months, as_of);
      const sdk::Date from = o.last_met.isSet() ? o.last_met.date : base;
      appendNote(o, anchorNote(*anchor));
      if (!o.last_met.isSet() && base == tracking_start && anchor->issued < tracking_start) {
        appendNote(o, "无评估记录，自跟踪起始日 " + tracking_start.toString() + " 起算");
      }
      out.push_back({std::move(o), from.addMonths(eval_warning_months)});
    }

    const bool drill_category =
        plan.category == sdk::category::kSpecial || plan.category == sdk::category::kDepartment;
    if (isGovernment(level) && drill_category) {
      sdk::Obligation o = start(kSpecialDrill, sdk::ObligationKind::Drill, plan);
      const auto dit = drills.find(plan.id);
      const sdk::Date first = issued.front()->issued;
      const sdk::Date base = first < tracking_start ? tracking_start : first;
      sdk::applyInterval(o, dit == drills.end() ? kNoDrills : dit->second, base, drill_months,
                         as_of);
      if (!o.last_met.isSet() && first < tracking_start) {
        appendNote(o, "无演练记录，自跟踪起始日 " + tracking_start.toString() + " 起算");
      }
      out.push_back({std::move(o), {}});
    }

    if (level == sdk::PlanLevel::Enterprise) continue;
    sdk::Obligation filing = start(kFiling, sdk::ObligationKind::Filing, plan);
    sdk::Obligation publication = start(kPublication, sdk::ObligationKind::Publication, plan);
    if (anchor->issued < tracking_start) {
      for (auto* o : {&filing, &publication}) {
        o->applicable = false;
        o->due = anchor->issued;
        o->note = "第" + std::to_string(anchor->number) + "版印发于 " + anchor->issued.toString() +
                  "，早于跟踪起始日 " + tracking_start.toString();
      }
      out.push_back({std::move(filing), {}});
      out.push_back({std::move(publication), {}});
      continue;
    }
    auto filing_due = calendar.addWorkingDays(anchor->issued, filing_days);
    if (!filing_due.isOk()) return calendarError(plan, filing_due.status());
    auto publication_due = calendar.addWorkingDays(anchor->issued, publication_days);
    if (!publication_due.isOk()) return calendarError(plan, publication_due.status());
    filing.due = filing_due.value();
    publication.due = publication_due.value();

    // Filings of the anchor version or a later one (or naming no version, dated after its issue).
    auto issuedNumber = [&issued](sdk::RecordId version_id) {
      for (const auto* v : issued)
        if (v->id == version_id) return v->number;
      return -1;
    };
    const sdk::Filing* first_filed = nullptr;
    const sdk::Filing* first_published = nullptr;
    const PublicationEvent* first_publication = nullptr;  // 公开 recorded as its own step
    if (const auto* events = history.publicationsOf(plan.id)) {
      for (const auto& e : *events) {
        if (e.date <= as_of && issuedNumber(e.plan_version_id) >= anchor->number &&
            (!first_publication || e.date < first_publication->date)) {
          first_publication = &e;
        }
      }
    }
    if (const auto* plan_filings = records.filingsOf(plan.id)) {
      for (const auto& f : *plan_filings) {
        const bool counts = f.plan_version_id == 0
                                ? f.submitted >= anchor->issued
                                : issuedNumber(f.plan_version_id) >= anchor->number;
        if (!counts) continue;
        if (f.submitted.isSet() && f.submitted <= as_of &&
            (!first_filed || f.submitted < first_filed->submitted)) {
          first_filed = &f;
        }
        if (f.published.isSet() && f.published <= as_of &&
            (!first_published || f.published < first_published->published)) {
          first_published = &f;
        }
      }
    }
    const sdk::Organisation* parent = nullptr;
    const auto pit = orgs.find(owner.parent_id);
    if (pit != orgs.end()) parent = &pit->second;
    filing.note = "备案机关：" + filing_target_.of(plan, owner, parent);
    appendNote(filing, anchorNote(*anchor));
    appendNote(publication, anchorNote(*anchor));
    for (auto* o : {&filing, &publication}) {
      if (isProvisionalBetween(calendar, anchor->issued, o->due)) appendNote(*o, kProvisionalNote);
    }
    // Filed or published after the due date: done, but 逾期完成 (the engine counts the days late).
    if (first_filed) {
      filing.last_met = {"filing", first_filed->id, first_filed->submitted};
      filing.period_satisfied = true;
      if (first_filed->submitted > filing.due) {
        appendNote(filing, "逾期备案于 " + first_filed->submitted.toString());
      }
    }
    // The earlier of a publication step and the publication date of a filing (older records).
    if (first_publication && (!first_published || first_publication->date < first_published->published)) {
      publication.last_met = {"publication", first_publication->id, first_publication->date};
    } else if (first_published) {
      publication.last_met = {"filing", first_published->id, first_published->published};
    }
    if (publication.last_met.isSet()) {
      publication.period_satisfied = true;
      if (publication.last_met.date > publication.due) {
        appendNote(publication, "逾期公开于 " + publication.last_met.date.toString());
      }
    }
    out.push_back({std::move(filing), {}});
    out.push_back({std::move(publication), {}});
  }
  return sdk::Status::ok();
}

}  // namespace beacon::rules
