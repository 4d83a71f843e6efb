// Logging a drill from the web (API or form): the organisation must be
// writable by the user (403); a plan the drill names must be the
// organisation's or one above it, and a plan that does not exist gets the
// same answer as one that belongs elsewhere (422, so the answer tells nothing
// about plans out of scope); then DrillService validates and stores it
// with the user as the audit actor (422 naming the field, nothing written).
// Validation and the commit run on the worker's own Database, which the
// plugins' record readers read through meanwhile (rules::ReaderConnection),
// so no global lock is held. Per request.
#pragma once

#include <optional>
#include <string>

#include "beacon/sdk/records.h"
#include "beacon/sdk/status.h"
#include "http/request_context.h"

namespace beacon::http {

// The stored drill's id, or the failed validation (the caller maps it to 422).
sdk::Result<sdk::RecordId> logDrill(RequestContext& ctx, sdk::Drill drill);

// OK when `plan` (what the client named as `ref` in `field`, looked up by the
// caller; nullopt when there is none) belongs to organisation `org_id` or one
// above it; otherwise the one answer for "missing" and "elsewhere".
sdk::Status checkDrillPlan(RequestContext& ctx, sdk::RecordId org_id, const std::optional<sdk::Plan>& plan,
                           const std::string& field, const std::string& ref);

}  // namespace beacon::http
