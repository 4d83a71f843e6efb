// Domain checks on a fire drill beyond its field specs: a fire drill type,
// valid fields, head counts not negative, and no evacuees recorded for a
// tabletop exercise (nobody leaves the building). Stateless; thread-safe.
#pragma once

#include "beacon/sdk/records.h"
#include "beacon/sdk/status.h"

namespace beacon::plugins::fire {

sdk::Status validateDrill(const sdk::Drill& drill);

}  // namespace beacon::plugins::fire
