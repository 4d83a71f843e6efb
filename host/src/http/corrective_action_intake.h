// CorrectiveActionIntake: the one path by which both the JSON API and the
// web pages create a corrective action (整改措施) and change its status. The
// fields are read with JsonFields (a malformed value is a 422 naming the
// field), the caller's write scope is checked (the source, a drill or a
// review, must exist and be writable: 422 naming source_id, the same answer
// for a missing and an out-of-scope source; the responsible organisation
// must be writable: 403), the plan is the source's own (a client plan_id that
// differs is a 422), a plan defect needs write scope on that plan (403), and
// PlanService validates and stores the action with the caller as the audit
// actor. Per request (uses the request's Database); not shared.
#pragma once

#include <string>

#include "beacon/sdk/records.h"
#include "http/json_fields.h"
#include "http/request_context.h"
#include "store/corrective_action.h"

namespace beacon::http {

// Creates the action described by `fields` (source_kind, source_id, plan_id,
// description, responsible_org_id, due, plan_defect) and returns its id.
// Throws HttpError: 403 responsible organisation or defective plan out of
// scope, 422 invalid field (source_id: no such source in the caller's scope).
sdk::RecordId createCorrectiveAction(RequestContext& ctx, const JsonFields& fields);

// Action `id` if the caller may change it. Throws HttpError: 404 no such
// action, 403 its responsible organisation is out of the caller's scope.
store::CorrectiveAction changeableCorrectiveAction(RequestContext& ctx, sdk::RecordId id);

// Sets the status ("open" or "done") of `action` (from
// changeableCorrectiveAction) and returns it as stored. 422 unknown status.
store::CorrectiveAction setCorrectiveActionStatus(RequestContext& ctx,
                                                  const store::CorrectiveAction& action,
                                                  const std::string& status);

}  // namespace beacon::http
