// Logging a drill from the web (API or form): the organisation must be
// writable by the user (403), then DrillService validates and stores it
// with the user as the audit actor (422 naming the field, nothing written).
// The plugins' validators may read records through the AppContext's
// Database, so the call runs under WebState::app_mutex. Per request.
#pragma once

#include "beacon/sdk/records.h"
#include "beacon/sdk/status.h"
#include "http/request_context.h"

namespace beacon::http {

// The stored drill's id, or the failed validation (the caller maps it to 422).
sdk::Result<sdk::RecordId> logDrill(RequestContext& ctx, sdk::Drill drill);

}  // namespace beacon::http
