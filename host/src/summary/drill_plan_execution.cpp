#include "summary/drill_plan_execution.h"

#include <algorithm>
#include <unordered_map>

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
  // The plans first: only their organisations' drills of the planned drill types are read (the
  // matcher pairs each drill with an item, and a drill of another type fits none); every other
  // drill of the year is held but not planned, and is only counted (summary/drill_tally.h).
  std::vector<store::DrillPlan> plans;
  std::set<sdk::RecordId> planned_orgs;
  std::set<std::pair<std::string, std::string>> planned_types;
  for (auto& plan : store::DrillPlanRepository(session).list({}, year)) {
    // A plan made after the as-of day was not there yet.
    if (!inScope(plan.org_id) || as_of < plan.made_on) continue;
    planned_orgs.insert(plan.org_id);
    for (const auto& item : plan.items)
      if (domain.empty() || item.domain == domain)
        planned_types.emplace(item.domain, item.drill_type);
    plans.push_back(std::move(plan));
  }
  const sdk::Date from{year, 1, 1};
  const sdk::Date to = std::min(sdk::Date{year, 12, 31}, as_of);
  std::unordered_map<sdk::RecordId, std::vector<sdk::Drill>> drills_of;
  std::map<std::pair<sdk::RecordId, std::string>, int> held_by_planned;
  if (!(to < from)) {
    const std::vector<sdk::RecordId> org_ids(planned_orgs.begin(), planned_orgs.end());
    for (auto& d : store::readPlanMatchingDrills(session, org_ids, planned_types, from, to))
      drills_of[d.org_id].push_back(std::move(d));
    for (const auto& [key, n] : DrillTally(session).byOrgDomain(from, to, domain)) {
      if (n <= 0 || !inScope(key.first)) continue;
      if (planned_orgs.count(key.first) == 0)
        row(key.first, key.second).counts.unplanned += n;
      else
        held_by_planned[key] = n;
    }
  }

  std::unordered_map<sdk::RecordId, sdk::RecordId> plan_of;
  std::map<std::pair<sdk::RecordId, std::string>, int> matched;
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
        ++matched[{plan.org_id, m.item.domain}];
        ++(m.drill_date.month <= m.item.month ? c.on_time : c.late);
      } else {
        ++(m.overdue ? c.missing : c.pending);
      }
    }
  }
  // A planned organisation's drills that met no item: what it held less what was matched (less
  // than nothing only when a write committed between the two reads).
  for (const auto& [key, n] : held_by_planned) {
    const auto m = matched.find(key);
    const int unmatched = n - (m == matched.end() ? 0 : m->second);
    if (unmatched > 0) row(key.first, key.second).counts.unplanned += unmatched;
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
