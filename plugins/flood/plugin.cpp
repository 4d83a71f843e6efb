#include "plugin.h"

#include "drill_types.h"
#include "drill_validator.h"
#include "fields.h"
#include "plan_categories.h"

namespace beacon::plugins::flood {

namespace {
// At namespace scope, where &drillTypes is this domain's function (sdk/domain_plugin.h).
sdk::DomainParts parts() {
  sdk::DomainParts p;
  p.info = {"flood", "防汛", "Flood control", "1.0.0", "flood"};
  p.ready_message = "flood plugin 1.0.0 ready (Henan flood season 05-15..09-30 by default)";
  p.list_drill_types = &drillTypes;
  p.list_plan_categories = &planCategories;
  p.list_drill_fields = &drillFields;
  p.list_organisation_fields = &organisationFields;
  p.check_drill = &validateDrill;
  return p;
}
}  // namespace

FloodPlugin::FloodPlugin() : sdk::DomainPlugin(parts()) {}

}  // namespace beacon::plugins::flood

BEACON_PLUGIN(beacon::plugins::flood::FloodPlugin)
