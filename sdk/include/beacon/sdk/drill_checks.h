// The drill checks every domain applies before its own: the drill belongs to
// the domain, its type is one the plugin declares, its domain fields pass
// their specs, counts are not negative and a tabletop exercise evacuates
// nobody. Stateless functions; thread-safe. Added in SDK 1.1.
#pragma once

#include <string>
#include <vector>

#include "beacon/sdk/drill_type.h"
#include "beacon/sdk/export.h"
#include "beacon/sdk/field_spec.h"
#include "beacon/sdk/records.h"
#include "beacon/sdk/status.h"

namespace beacon::sdk {

// The type in `types` with this id, or null.
BEACON_SDK_API const DrillType* findDrillType(const std::vector<DrillType>& types, const std::string& id);

// The first failure names its field (domain, drill_type, a domain field,
// participants, evacuees).
BEACON_SDK_API Status checkCommonDrill(const std::string& domain, const std::vector<DrillType>& types,
                                       const std::vector<FieldSpec>& fields, const Drill& drill);

}  // namespace beacon::sdk
