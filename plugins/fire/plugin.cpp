#include "plugin.h"

#include "drill_types.h"
#include "drill_validator.h"
#include "fields.h"
#include "plan_categories.h"

namespace beacon::plugins::fire {

namespace {
// At namespace scope, where &drillTypes is this domain's function (sdk/domain_plugin.h).
sdk::DomainParts parts() {
  sdk::DomainParts p;
  p.info = {"fire", "消防", "Fire safety", "1.0.0", "fire"};
  p.ready_message = "fire plugin 1.0.0 ready (Henan Fire Day 11-09)";
  p.list_drill_types = &drillTypes;
  p.list_plan_categories = &planCategories;
  p.list_drill_fields = &drillFields;
  p.list_organisation_fields = &organisationFields;
  p.check_drill = &validateDrill;
  return p;
}
}  // namespace

FirePlugin::FirePlugin() : sdk::DomainPlugin(parts()) {}

}  // namespace beacon::plugins::fire

BEACON_PLUGIN(beacon::plugins::fire::FirePlugin)
