// The JSON views of an annual drill plan with plan versus actual, and of a
// drill evaluation report, shared by the API (/api/v1/drill-plans,
// /api/v1/drills/{id}/evaluation) and the pages, which render the same
// objects through mustache. Labels follow the request's language. Per
// request (reads the request thread's Database); not shared.
#pragma once

#include <Poco/JSON/Object.h>

#include "http/request_context.h"
#include "service/drill_plan_matcher.h"
#include "store/drill_evaluation.h"
#include "store/drill_plan.h"

namespace beacon::http {

// The plan, its organisation, its items each with its match, and the counts
// (planned, done, done_in_month, missing, pending, unplanned) as of `as_of`.
Poco::JSON::Object::Ptr drillPlanJson(RequestContext& ctx, const store::DrillPlan& plan,
                                      const service::DrillPlanProgress& progress, const sdk::Date& as_of);
Poco::JSON::Object::Ptr drillEvaluationJson(RequestContext& ctx, const store::DrillEvaluation& evaluation);

}  // namespace beacon::http
