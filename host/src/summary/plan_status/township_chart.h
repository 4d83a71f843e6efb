// townshipChart: the plan-status summary's bar chart with one row per
// township in the coverage table: with the compliance engine, its duties
// stacked by status (met, met late, upcoming, due soon, overdue); without
// it, the units with a drill in the last twelve months per domain. Pure
// function; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "plugins/plugin_registry.h"
#include "rules/obligation_set.h"
#include "summary/plan_status/drill_coverage.h"
#include "summary/plan_status/township_map.h"
#include "summary/summary_context.h"
#include "summary/svg_chart.h"

namespace beacon::summary::plan_status {

// `obligations` null: the compliance engine is not available.
SvgChart townshipChart(const DrillCoverage& coverage, const std::vector<std::string>& domains,
                       const rules::ObligationSet* obligations, const OrgById& org_by_id,
                       const TownshipOf& township_of, const plugins::PluginRegistry& registry,
                       const Lang& t);

}  // namespace beacon::summary::plan_status
