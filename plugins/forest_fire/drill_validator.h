// Domain checks on a forest-fire drill beyond its field specs: a drill type
// of this domain, valid fields, head counts not negative, and no evacuees
// recorded for a tabletop exercise (nobody is moved). Stateless; thread-safe.
#pragma once

#include "beacon/sdk/records.h"
#include "beacon/sdk/status.h"

namespace beacon::plugins::forest_fire {

sdk::Status validateDrill(const sdk::Drill& drill);

}  // namespace beacon::plugins::forest_fire
