// The dashboard's charts (issue #14 §6), each an SvgChart figure: its title,
// the chart across its card's width with integer ticks, and its numbers as a
// table for screen readers and printing. Obligations by domain (met, met
// late, due soon, overdue, stacked); drills per month of the as-of year by
// domain (summary::DrillTally, the organisations the dashboard shows); the
// share of duties met by township ((met + met late) ÷ (met + met late +
// overdue); duties not yet due are not counted; a township with none due is
// left out). Labels from the page catalogue (page_text.h). Per request.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "http/request_context.h"
#include "rules/obligation_page.h"

namespace beacon::http {

// One bar of a status chart: its label and its counts.
using StatusBar = std::pair<std::string, rules::StatusCounts>;

std::string domainStatusChart(bool english, const std::vector<StatusBar>& by_domain);

// Drills dated in `year` per month and domain, of `org_ids` (every organisation when `all`);
// `domain` empty: every domain.
std::string drillsByMonthChart(RequestContext& ctx, int year, bool all,
                               const std::vector<sdk::RecordId>& org_ids,
                               const std::string& domain);

// "" when no township has a duty due.
std::string townshipRateChart(bool english, const std::vector<StatusBar>& by_township);

}  // namespace beacon::http
