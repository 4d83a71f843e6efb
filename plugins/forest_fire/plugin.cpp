#include "plugin.h"

#include "drill_types.h"
#include "drill_validator.h"
#include "fields.h"
#include "plan_categories.h"

namespace beacon::plugins::forest_fire {

namespace {
// At namespace scope, where &drillTypes is this domain's function (sdk/domain_plugin.h).
sdk::DomainParts parts() {
  sdk::DomainParts p;
  p.info = {"forest_fire", "森林防火", "Forest fire prevention", "1.0.0", "forest_fire"};
  p.ready_message =
      "forest_fire plugin 1.0.0 ready (Henan fire-prevention period 11-01..04-30 by default)";
  p.list_drill_types = &drillTypes;
  p.list_plan_categories = &planCategories;
  p.list_drill_fields = &drillFields;
  p.list_organisation_fields = &organisationFields;
  p.check_drill = &validateDrill;
  return p;
}
}  // namespace

ForestFirePlugin::ForestFirePlugin() : sdk::DomainPlugin(parts()) {}

}  // namespace beacon::plugins::forest_fire

BEACON_PLUGIN(beacon::plugins::forest_fire::ForestFirePlugin)
