#include "rules/plan_history.h"

#include <algorithm>

#include "rules/row_scanner.h"

namespace beacon::rules {

PlanHistory PlanHistory::load(Poco::Data::Session& session, const std::string& domain) {
  PlanHistory h;
  const std::vector<std::string> params =
      domain.empty() ? std::vector<std::string>() : std::vector<std::string>{domain};
  auto join = [&](const std::string& alias) {
    return domain.empty() ? std::string()
                          : " JOIN plans p ON p.id = " + alias + ".plan_id AND p.domain = $1";
  };
  RowScanner scanner(session);
  scanner.scan("SELECT v.plan_id, v.number, v.issued FROM plan_versions v" + join("v") +
                   " WHERE v.issued <> '' ORDER BY v.plan_id, v.issued, v.number",
               params, [&](const ScannedRow& r) {
                 const sdk::Date issued = r.date(2);
                 if (issued.isSet()) h.issues_[r.int64(0)].push_back({issued, r.integer(1)});
               });
  scanner.scan("SELECT r.plan_id, r.review_date, r.findings FROM reviews r" + join("r") +
                   " WHERE r.kind = 'evaluation' AND r.conclusion = 'revise' AND r.voided_at = ''",
               params, [&](const ScannedRow& r) {
                 const sdk::Date date = r.date(1);
                 if (!date.isSet()) return;
                 std::string reason = "评估结论：需修订 (evaluation " + date.toString() + ")";
                 const std::string findings = r.text(2);
                 if (!findings.empty()) reason += ": " + findings;
                 h.findings_[r.int64(0)].push_back({date, reason});
               });
  scanner.scan(
      "SELECT a.plan_id, COALESCE(d.drill_date, rv.review_date, substr(a.created_at, 1, 10)),"
      " a.description FROM corrective_actions a" +
          join("a") +
          " LEFT JOIN drills d ON a.source_kind = 'drill' AND d.id = a.source_id"
          " LEFT JOIN reviews rv ON a.source_kind = 'review' AND rv.id = a.source_id"
          " WHERE a.plan_defect = 1 AND a.plan_id IS NOT NULL AND a.voided_at = ''",
      params, [&](const ScannedRow& r) {
        const sdk::Date date = r.date(1);
        if (date.isSet())
          h.findings_[r.int64(0)].push_back({date, "整改发现预案缺陷：" + r.text(2)});
      });
  for (auto& [plan, findings] : h.findings_) {
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Finding& a, const Finding& b) { return a.date < b.date; });
  }
  return h;
}

PlanAsOf PlanHistory::asOf(sdk::RecordId plan_id, const sdk::Date& as_of) const {
  PlanAsOf out;
  sdk::Date last_issued;
  const auto issues = issues_.find(plan_id);
  if (issues != issues_.end()) {
    out.ever_issued = !issues->second.empty();
    for (const auto& i : issues->second) {
      if (i.issued > as_of) break;
      out.version_in_force = i.number;
      last_issued = i.issued;
    }
  }
  const auto findings = findings_.find(plan_id);
  if (findings == findings_.end()) return out;
  for (const auto& f : findings->second) {
    if (f.date > as_of) break;
    // Answered by a version issued on or after the finding (and by as_of).
    if (last_issued.isSet() && last_issued >= f.date) continue;
    out.revision_required = true;
    out.revision_reason = f.reason;
    out.flagged = f.date;
  }
  return out;
}

void PlanHistory::apply(sdk::Plan& plan, const sdk::Date& as_of) const {
  const PlanAsOf state = asOf(plan.id, as_of);
  plan.current_version = state.version_in_force;
  plan.revision_required = state.revision_required;
  plan.revision_reason = state.revision_reason;
  if (plan.status == sdk::PlanStatus::Abolished) return;
  if (state.version_in_force > 0) {
    plan.status = sdk::PlanStatus::Issued;
  } else if (state.ever_issued || plan.status == sdk::PlanStatus::Issued) {
    plan.status = sdk::PlanStatus::Drafting;  // issued only later
  }
}

std::map<sdk::RecordId, sdk::Date> PlanHistory::flaggedOn(const sdk::Date& as_of) const {
  std::map<sdk::RecordId, sdk::Date> out;
  for (const auto& [plan, findings] : findings_) {
    const PlanAsOf state = asOf(plan, as_of);
    if (state.revision_required) out[plan] = state.flagged;
  }
  return out;
}

}  // namespace beacon::rules
