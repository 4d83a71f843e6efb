// monthlyDrillChart: the stacked bar chart of drills per month and domain in
// the twelve calendar months ending with the month of `to` (the annual report
// and the plan-status summaries). Not thread-safe (reads through the
// context's Session).
#pragma once

#include <set>
#include <string>

#include "beacon/sdk/date.h"
#include "beacon/sdk/records.h"
#include "summary/summary_context.h"
#include "summary/svg_chart.h"

namespace beacon::summary {

// `orgs` null means every organisation, `domain` empty every domain.
SvgChart monthlyDrillChart(SummaryContext& c, const sdk::Date& to,
                           const std::set<sdk::RecordId>* orgs, const std::string& domain);

}  // namespace beacon::summary
