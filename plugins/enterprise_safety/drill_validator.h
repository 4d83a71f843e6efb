// Domain checks on a work-safety drill beyond its field specs: a drill type
// of this domain, valid fields, head counts not negative, no evacuees on a
// tabletop exercise, and a consistent report: reported_date only when
// reported_to_county is yes, and not before the drill. Stateless; thread-safe.
#pragma once

#include "beacon/sdk/records.h"
#include "beacon/sdk/status.h"

namespace beacon::plugins::enterprise_safety {

sdk::Status validateDrill(const sdk::Drill& drill);

}  // namespace beacon::plugins::enterprise_safety
