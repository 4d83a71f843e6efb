#include "rules/plan_history.h"

#include <algorithm>

#include "store/plan_history_queries.h"
#include "store/record_parse.h"

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
  const store::PlanHistoryQueries queries(session, domain, plan_id);
  queries.issuedVersions([&](const store::IssuedVersionRow& r) {
    if (r.issued.isSet()) {
      h.issues_[r.plan_id].push_back({r.issued, r.number, r.major, r.addresses_action_id});
    }
  });
  queries.revisionEvaluations([&](const store::RevisionEvaluationRow& r) {
    if (!r.date.isSet()) return;
    std::string reason = "评估结论：需修订（" + r.date.toString() + " 评估）";
    if (!r.findings.empty()) reason += ": " + r.findings;
    h.findings_[r.plan_id].push_back({r.date, reason, 0, {}});
  });
  queries.planDefects([&](const store::PlanDefectRow& r) {
    if (!r.found.isSet()) return;
    // The note names the event that found the defect and its day, not the day of the check.
    std::string source = "整改措施 #" + std::to_string(r.action_id);
    if (r.source_id != 0) {
      source = (r.source_kind == "drill" ? "演练 " : "评审评估 ") + r.found.toString();
    }
    h.findings_[r.plan_id].push_back(
        {r.found, "整改发现预案缺陷（" + source + "）：" + r.description, r.action_id, r.due});
  });
  queries.steps([&](const store::PlanStepRow& r) {
    if (!r.date.isSet()) return;
    if (r.step == "publish") {
      h.publications_[r.plan_id].push_back({r.id, r.plan_version_id, r.date});
      return;
    }
    // A draft revision's row is dated the day it was recorded, not an event of the plan's own.
    if (r.step != "submit_review" && r.step != "review" && r.step != "approve") return;
    const auto status = store::parsePlanStatus(r.to_status);
    if (status && *status != sdk::PlanStatus::Issued) h.stages_[r.plan_id].push_back({r.date, *status});
  });
  queries.abolitions([&](const store::PlanAbolitionRow& r) {
    if (r.date.isSet()) h.abolished_[r.plan_id] = r.date;
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
