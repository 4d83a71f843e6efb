#include "plugin.h"

#include "drill_types.h"
#include "drill_validator.h"
#include "fields.h"
#include "plan_categories.h"

namespace beacon::plugins::fire {

FirePlugin::FirePlugin()
    : sdk::DomainPlugin({sdk::PluginInfo{"fire", "消防", "Fire safety", "1.0.0", "fire"},
                          "fire plugin 1.0.0 ready (Henan Fire Day 11-09)",
                          &fire::drillTypes,
                          &fire::planCategories,
                          &fire::drillFields,
                          &fire::organisationFields,
                          &fire::validateDrill}) {}

}  // namespace beacon::plugins::fire

BEACON_PLUGIN(beacon::plugins::fire::FirePlugin)
