// PlanTable: the plan-status table, the plans counted by domain × level (of
// the owning organisation) × status column, with the column totals; and its
// JSON for the summary templates. Plain data; thread-safe for reads.
#pragma once

#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include <Poco/JSON/Object.h>

#include "plugins/plugin_registry.h"
#include "store/plan_brief.h"
#include "summary/plan_status/plan_ranking.h"
#include "summary/plan_status/township_map.h"
#include "summary/summary_context.h"

namespace beacon::summary::plan_status {

struct PlanTable {
  // (domain, sdk::PlanLevel as int) → count per column; the domains view the plans' PlanBriefs.
  std::map<std::pair<std::string_view, int>, std::vector<int>> rows;
  std::vector<int> totals;  // per column
  int plans = 0;

  int inForceTotal() const;
};

// A plan whose owner is unknown counts at the level of an institution.
PlanTable tabulatePlans(const std::vector<store::PlanBrief>& plans, const OrgById& org_by_id,
                        const PlanColumns& columns);

// Sets status_columns, plan_rows, plan_totals, plans_total, in_force_total and in_force_line.
void addPlanTableJson(Poco::JSON::Object& data, const PlanTable& table,
                      const plugins::PluginRegistry& registry, const Lang& t);

}  // namespace beacon::summary::plan_status
