#include "plugin.h"

#include "drill_types.h"
#include "drill_validator.h"
#include "fields.h"
#include "plan_categories.h"

namespace beacon::plugins::enterprise_safety {

EnterpriseSafetyPlugin::EnterpriseSafetyPlugin()
    : sdk::DomainPlugin({sdk::PluginInfo{"enterprise_safety", "安全生产", "Enterprise work safety", "1.0.0", "enterprise_safety"},
                          "enterprise_safety plugin 1.0.0 ready",
                          &enterprise_safety::drillTypes,
                          &enterprise_safety::planCategories,
                          &enterprise_safety::drillFields,
                          &enterprise_safety::organisationFields,
                          &enterprise_safety::validateDrill}) {}

}  // namespace beacon::plugins::enterprise_safety

BEACON_PLUGIN(beacon::plugins::enterprise_safety::EnterpriseSafetyPlugin)
