// The life-cycle steps of a plan (store::PlanTransition) as the API answers
// them and the plan page lists them: the stored fields plus the step's and
// states' labels in the request's language. Stateless; reads through the
// request's Database.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "beacon/sdk/records.h"
#include "store/plan_transition_repository.h"

namespace beacon::http {

class RequestContext;

Poco::JSON::Object::Ptr planTransitionJson(RequestContext& ctx,
                                           const store::PlanTransition& transition);
// Oldest first.
Poco::JSON::Array::Ptr planTransitionsJson(RequestContext& ctx, sdk::RecordId plan_id);
// Sets the plan detail's life-cycle keys: "transitions", "publications" (the
// 公开 steps), "stage" and "stage_label" (the state steps are checked against:
// a draft revision's stage while the issued version stays in force),
// "draft_version" (0: none), "allowed_steps" (the step ids the state allows,
// service::PlanLifecycle::allowedSteps), "next_step" and "next_step_label"
// (empty: none), "abolished_on" and "replaced_by_code".
void setLifecycleJson(RequestContext& ctx, Poco::JSON::Object::Ptr plan_json,
                      const sdk::Plan& plan);

}  // namespace beacon::http
