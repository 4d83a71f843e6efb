// Plan versus actual of the as-of year (年度演练计划执行情况,
// summary/drill_plan_execution.h) for the pages: the dashboard's card (the
// readable organisations' totals, and those furthest behind: held late plus
// not held, then not held, each linking to its drill plan page), and each
// organisation's own line in the organisation tree, from the kept figures
// (http/kept_drill_plan_card.h). Per request.
#pragma once

#include <map>
#include <vector>

#include <kainjow/mustache.hpp>

#include "beacon/sdk/date.h"
#include "beacon/sdk/records.h"
#include "http/request_context.h"

namespace beacon::http {

// `org_ids` empty: every organisation. At most `limit` organisations are listed, named from
// `orgs` (the request's organisations, read once: http/obligation_view.h).
kainjow::mustache::data drillPlanOverview(RequestContext& ctx, const sdk::Date& as_of,
                                          const std::vector<sdk::RecordId>& org_ids,
                                          const std::map<sdk::RecordId, sdk::Organisation>& orgs,
                                          std::size_t limit = 10);
// Each organisation with a planned drill of the as-of year: {year, text} (all domains).
std::map<sdk::RecordId, kainjow::mustache::data> drillPlanByOrganisation(RequestContext& ctx,
                                                                         const sdk::Date& as_of);

}  // namespace beacon::http
