#include "plugin.h"

#include "drill_types.h"
#include "drill_validator.h"
#include "fields.h"
#include "plan_categories.h"

namespace beacon::plugins::forest_fire {

ForestFirePlugin::ForestFirePlugin()
    : sdk::DomainPlugin({sdk::PluginInfo{"forest_fire", "森林防火", "Forest fire prevention", "1.0.0", "forest_fire"},
                          "forest_fire plugin 1.0.0 ready (Henan fire-prevention period 11-01..04-30 by default)",
                          &forest_fire::drillTypes,
                          &forest_fire::planCategories,
                          &forest_fire::drillFields,
                          &forest_fire::organisationFields,
                          &forest_fire::validateDrill}) {}

}  // namespace beacon::plugins::forest_fire

BEACON_PLUGIN(beacon::plugins::forest_fire::ForestFirePlugin)
