#include "plugin.h"

#include "drill_types.h"
#include "drill_validator.h"
#include "fields.h"
#include "plan_categories.h"

namespace beacon::plugins::enterprise_safety {

namespace {
// At namespace scope, where &drillTypes is this domain's function (sdk/domain_plugin.h).
sdk::DomainParts parts() {
  sdk::DomainParts p;
  p.info = {"enterprise_safety", "安全生产", "Enterprise work safety", "1.0.0",
            "enterprise_safety"};
  p.ready_message = "enterprise_safety plugin 1.0.0 ready";
  p.list_drill_types = &drillTypes;
  p.list_plan_categories = &planCategories;
  p.list_drill_fields = &drillFields;
  p.list_organisation_fields = &organisationFields;
  p.check_drill = &validateDrill;
  return p;
}
}  // namespace

EnterpriseSafetyPlugin::EnterpriseSafetyPlugin() : sdk::DomainPlugin(parts()) {}

}  // namespace beacon::plugins::enterprise_safety

BEACON_PLUGIN(beacon::plugins::enterprise_safety::EnterpriseSafetyPlugin)
