// planStatusSummary: the data of the plan-status summaries (plan-status,
// township, domain) as of a date, put together from the plan_status
// builders: scope, plans as of the date and their ranking, the plan table,
// drill coverage, the overdue and met-late duty lists, and the two charts
// (left in the context's svgs). Not thread-safe (uses the context's Session
// and engine).
#pragma once

#include <Poco/JSON/Object.h>

#include "beacon/sdk/status.h"
#include "summary/summary_context.h"
#include "summary/summary_service.h"

namespace beacon::summary::plan_status {

sdk::Result<Poco::JSON::Object::Ptr> planStatusSummary(SummaryContext& c,
                                                       const SummaryRequest& req);

}  // namespace beacon::summary::plan_status
