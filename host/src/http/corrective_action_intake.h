// CorrectiveActionIntake: the one path by which both the JSON API and the
// web pages create a corrective action (整改措施) and change its status. The
// fields are read with JsonFields (a malformed value is a 422 naming the
// field), the caller's write scope is checked (403: the source drill's
// organisation and the responsible organisation must both be writable), and
// PlanService validates and stores the action with the caller as the audit
// actor. Per request (uses the request's Database); not shared.
#pragma once

#include <string>

#include "beacon/sdk/records.h"
#include "http/json_fields.h"
#include "http/request_context.h"

namespace beacon::http {

// Creates the action described by `fields` (source_kind, source_id, plan_id,
// description, responsible_org_id, due, plan_defect) and returns its id.
// Throws HttpError: 403 out of scope, 404 no such drill, 422 invalid field.
sdk::RecordId createCorrectiveAction(RequestContext& ctx, const JsonFields& fields);

// Action `id` if the caller may change it. Throws HttpError: 404 no such
// action, 403 its responsible organisation is out of the caller's scope.
sdk::CorrectiveAction changeableCorrectiveAction(RequestContext& ctx, sdk::RecordId id);

// Sets the status ("open" or "done") of `action` (from
// changeableCorrectiveAction) and returns it as stored. 422 unknown status.
sdk::CorrectiveAction setCorrectiveActionStatus(RequestContext& ctx, const sdk::CorrectiveAction& action,
                                                const std::string& status);

}  // namespace beacon::http
