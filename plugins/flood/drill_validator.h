// Domain checks on a flood drill beyond its field specs: the drill type is a
// flood type, the fields validate (hazard required), head counts are not
// negative, and a tabletop exercise (防汛桌面推演) moves nobody, so it must
// record 0 evacuees. Live drills (综合 and 疏散/转移) may record evacuees: a
// comprehensive flood drill usually includes transferring residents.
// Stateless; thread-safe.
#pragma once

#include "beacon/sdk/records.h"
#include "beacon/sdk/status.h"

namespace beacon::plugins::flood {

sdk::Status validateDrill(const sdk::Drill& drill);

}  // namespace beacon::plugins::flood
