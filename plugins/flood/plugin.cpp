#include "plugin.h"

#include "drill_types.h"
#include "drill_validator.h"
#include "fields.h"
#include "plan_categories.h"

namespace beacon::plugins::flood {

FloodPlugin::FloodPlugin()
    : sdk::DomainPlugin({sdk::PluginInfo{"flood", "防汛", "Flood control", "1.0.0", "flood"},
                          "flood plugin 1.0.0 ready (Henan flood season 05-15..09-30 by default)",
                          &flood::drillTypes,
                          &flood::planCategories,
                          &flood::drillFields,
                          &flood::organisationFields,
                          &flood::validateDrill}) {}

}  // namespace beacon::plugins::flood

BEACON_PLUGIN(beacon::plugins::flood::FloodPlugin)
