#include "summary/drill_plan_execution.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "service/drill_plan_matcher.h"
#include "store/drill_plan_repository.h"
#include "store/plan_matching_drills.h"
#include "summary/drill_tally.h"

namespace beacon::summary {

void PlanActualCounts::add(const PlanActualCounts& o) {
  planned += o.planned;
  on_time += o.on_time;
  late += o.late;
  missing += o.missing;
  pending += o.pending;
  unplanned += o.unplanned;
}

DrillPlanExecution tallyDrillPlanExecution(Poco::Data::Session& session, int year,
                                           const sdk::Date& as_of,
                                           const std::set<sdk::RecordId>* orgs,
                                           const std::string& domain) {
  DrillPlanExecution out;
  out.year = year;
  out.as_of = as_of;
  const auto inScope = [&](sdk::RecordId id) { return !orgs || orgs->count(id) != 0; };

  std::map<std::pair<sdk::RecordId, std::string>, PlanActualRow> rows;
  const auto row = [&](sdk::RecordId org_id, const std::string& row_domain) -> PlanActualRow& {
    PlanActualRow& r = rows[{org_id, row_domain}];
    r.org_id = org_id;
    r.domain = row_domain;
    return r;
  };
  // The plans first: only their organisations' drills are read as records (the matcher pairs
  // each drill with an item); every other drill of the year is held but not planned, and is only
  // counted (drill_org_month_counts for whole months), never read.
  std::vector<store::DrillPlan> plans;
  std::set<sdk::RecordId> planned_orgs;
  for (auto& plan : store::DrillPlanRepository(session).list({}, year)) {
    // A plan made after the as-of day was not there yet.
    if (!inScope(plan.org_id) || as_of < plan.made_on) continue;
    planned_orgs.insert(plan.org_id);
    plans.push_back(std::move(plan));
  }
  const sdk::Date from{year, 1, 1};
  const sdk::Date to = std::min(sdk::Date{year, 12, 31}, as_of);
  std::unordered_map<sdk::RecordId, std::vector<sdk::Drill>> drills_of;
  if (!(to < from)) {
    const std::vector<sdk::RecordId> org_ids(planned_orgs.begin(), planned_orgs.end());
    for (auto& d : store::readPlanMatchingDrills(session, org_ids, from, to, domain))
      drills_of[d.org_id].push_back(std::move(d));
    for (const auto& [key, n] : DrillTally(session).byOrgDomain(from, to, domain)) {
      if (n > 0 && inScope(key.first) && planned_orgs.count(key.first) == 0)
        row(key.first, key.second).counts.unplanned += n;
    }
  }

  std::unordered_map<sdk::RecordId, sdk::RecordId> plan_of;
  std::unordered_set<sdk::RecordId> matched;
  for (const auto& plan : plans) {
    plan_of[plan.org_id] = plan.id;
    static const std::vector<sdk::Drill> kNone;
    const auto held = drills_of.find(plan.org_id);
    const auto progress =
        service::matchDrillPlan(plan, held == drills_of.end() ? kNone : held->second, as_of);
    for (const auto& m : progress.items) {
      if (!domain.empty() && m.item.domain != domain) continue;
      PlanActualCounts& c = row(plan.org_id, m.item.domain).counts;
      ++c.planned;
      if (m.drill_id != 0) {
        matched.insert(m.drill_id);
        ++(m.drill_date.month <= m.item.month ? c.on_time : c.late);
      } else {
        ++(m.overdue ? c.missing : c.pending);
      }
    }
  }
  for (const auto& [org_id, held] : drills_of) {
    for (const auto& d : held)
      if (!matched.count(d.id)) ++row(org_id, d.domain).counts.unplanned;
  }
  for (auto& [key, r] : rows) {
    const auto plan = plan_of.find(r.org_id);
    r.drill_plan_id = plan == plan_of.end() ? 0 : plan->second;
    out.total.add(r.counts);
    out.rows.push_back(std::move(r));
  }
  return out;
}

}  // namespace beacon::summary
