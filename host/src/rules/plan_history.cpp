#include "rules/plan_history.h"

#include <algorithm>

#include "rules/row_scanner.h"

namespace beacon::rules {

PlanHistory PlanHistory::load(Poco::Data::Session& session, const std::string& domain) {
  return loadFiltered(session, domain, 0);
}

PlanHistory PlanHistory::loadPlan(Poco::Data::Session& session, sdk::RecordId plan_id) {
  return loadFiltered(session, "", plan_id);
}

PlanHistory PlanHistory::loadFiltered(Poco::Data::Session& session, const std::string& domain,
                                      sdk::RecordId plan_id) {
  PlanHistory h;
  std::vector<std::string> params;
  std::string condition;
  if (plan_id != 0) {
    params.push_back(std::to_string(plan_id));
    condition = " AND p.id = $1";
  } else if (!domain.empty()) {
    params.push_back(domain);
    condition = " AND p.domain = $1";
  }
  auto join = [&](const std::string& alias) {
    return condition.empty() ? std::string() : " JOIN plans p ON p.id = " + alias + ".plan_id" + condition;
  };
  RowScanner scanner(session);
  scanner.scan("SELECT v.plan_id, v.number, v.issued, v.major, COALESCE(v.addresses_action_id, 0)"
               " FROM plan_versions v" +
                   join("v") + " WHERE v.issued <> '' ORDER BY v.plan_id, v.issued, v.number",
               params, [&](const ScannedRow& r) {
                 const sdk::Date issued = r.date(2);
                 if (issued.isSet()) {
                   h.issues_[r.int64(0)].push_back({issued, r.integer(1), r.int64(3) != 0, r.int64(4)});
                 }
               });
  scanner.scan("SELECT r.plan_id, r.review_date, r.findings FROM reviews r" + join("r") +
                   " WHERE r.kind = 'evaluation' AND r.conclusion = 'revise' AND r.voided_at = ''",
               params, [&](const ScannedRow& r) {
                 const sdk::Date date = r.date(1);
                 if (!date.isSet()) return;
                 std::string reason = "评估结论：需修订（" + date.toString() + " 评估）";
                 const std::string findings = r.text(2);
                 if (!findings.empty()) reason += ": " + findings;
                 h.findings_[r.int64(0)].push_back({date, reason, 0, {}});
               });
  scanner.scan(
      "SELECT a.plan_id, COALESCE(d.drill_date, rv.review_date, substr(a.created_at, 1, 10)),"
      " a.description, a.id, a.due, a.source_kind, COALESCE(d.id, rv.id, 0) FROM corrective_actions a" +
          join("a") +
          " LEFT JOIN drills d ON a.source_kind = 'drill' AND d.id = a.source_id"
          " LEFT JOIN reviews rv ON a.source_kind = 'review' AND rv.id = a.source_id"
          " WHERE a.plan_defect = 1 AND a.plan_id IS NOT NULL AND a.voided_at = ''",
      params, [&](const ScannedRow& r) {
        const sdk::Date date = r.date(1);
        if (!date.isSet()) return;
        // The note names the event that found the defect and its day, not the day of the check.
        std::string source = "整改措施 #" + std::to_string(r.int64(3));
        if (r.int64(6) != 0) source = (r.text(5) == "drill" ? "演练 " : "评审评估 ") + date.toString();
        h.findings_[r.int64(0)].push_back(
            {date, "整改发现预案缺陷（" + source + "）：" + r.text(2), r.int64(3), r.date(4)});
      });
  scanner.scan("SELECT t.plan_id, t.event_date, t.step, t.to_status, t.id, COALESCE(t.plan_version_id, 0)"
               " FROM plan_transitions t" +
                   join("t") + " WHERE t.voided_at = '' ORDER BY t.plan_id, t.event_date, t.id",
               params, [&](const ScannedRow& r) {
                 const sdk::Date date = r.date(1);
                 if (!date.isSet()) return;
                 const std::string step = r.text(2);
                 if (step == "publish") {
                   h.publications_[r.int64(0)].push_back({r.int64(4), r.int64(5), date});
                   return;
                 }
                 // A draft revision's row is dated the day it was recorded, not an event of the plan's own.
                 if (step != "submit_review" && step != "review" && step != "approve") return;
                 const auto status = sdk::parsePlanStatus(r.text(3));
                 if (status && *status != sdk::PlanStatus::Issued) h.stages_[r.int64(0)].push_back({date, *status});
               });
  scanner.scan("SELECT p.id, p.abolished_on FROM plans p WHERE p.abolished_on <> ''" + condition, params,
               [&](const ScannedRow& r) {
                 const sdk::Date date = r.date(1);
                 if (date.isSet()) h.abolished_[r.int64(0)] = date;
               });
  for (auto& [plan, findings] : h.findings_) {
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Finding& a, const Finding& b) { return a.date < b.date; });
  }
  return h;
}

PlanAsOf PlanHistory::asOf(sdk::RecordId plan_id, const sdk::Date& as_of) const {
  PlanAsOf out;
  static const std::vector<Issue> kNone;
  const auto issues_it = issues_.find(plan_id);
  const std::vector<Issue>& issues = issues_it == issues_.end() ? kNone : issues_it->second;
  out.ever_issued = !issues.empty();
  for (const auto& i : issues) {
    if (i.issued > as_of) break;
    out.version_in_force = i.number;
  }
  if (const auto stages = stages_.find(plan_id); stages != stages_.end()) {
    for (const auto& s : stages->second) {
      if (s.date > as_of) break;
      out.stage = s.status;
      out.staged = true;
    }
  }
  if (const auto abolished = abolished_.find(plan_id); abolished != abolished_.end()) {
    out.abolished = abolished->second <= as_of;
  }
  const auto findings = findings_.find(plan_id);
  if (findings == findings_.end()) return out;
  for (const auto& f : findings->second) {
    if (f.date > as_of) break;
    // Answered by a version issued on or after the finding (and by as_of) that answers it.
    const bool answered = std::any_of(issues.begin(), issues.end(), [&](const Issue& i) {
      return i.issued >= f.date && i.issued <= as_of &&
             (f.action_id == 0 || i.major || i.addresses == f.action_id);
    });
    if (answered) continue;
    out.revision_required = true;
    out.revision_reason = f.reason;
    out.flagged = f.date;
    out.defect = f.action_id != 0;
    out.due = f.due;
  }
  return out;
}

void PlanHistory::apply(sdk::Plan& plan, const sdk::Date& as_of) const {
  const PlanAsOf state = asOf(plan.id, as_of);
  plan.current_version = state.version_in_force;
  plan.revision_required = state.revision_required;
  plan.revision_reason = state.revision_reason;
  if (plan.status == sdk::PlanStatus::Abolished) {
    // Abolished on a recorded day: only from that day; before days were recorded: always.
    if (abolished_.count(plan.id) == 0 || state.abolished) return;
  }
  if (state.version_in_force > 0) {
    plan.status = sdk::PlanStatus::Issued;
  } else if (state.staged) {
    plan.status = state.stage;
  } else if (state.ever_issued || plan.status == sdk::PlanStatus::Issued ||
             plan.status == sdk::PlanStatus::Abolished || stages_.count(plan.id) != 0) {
    plan.status = sdk::PlanStatus::Drafting;  // issued, staged or abolished only later
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

const std::vector<PublicationEvent>* PlanHistory::publicationsOf(sdk::RecordId plan_id) const {
  const auto it = publications_.find(plan_id);
  return it == publications_.end() ? nullptr : &it->second;
}

}  // namespace beacon::rules
