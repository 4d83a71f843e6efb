#include "earthquake_plugin.h"

#include "beacon/sdk/drill_checks.h"

namespace example::earthquake {

namespace sdk = beacon::sdk;

namespace {
std::vector<sdk::PlanCategory> planCategories() {
  return {{sdk::category::kSpecial, "地震应急预案", "Earthquake special plan"}};
}

std::vector<sdk::FieldSpec> organisationFields() { return {}; }

sdk::Status validateDrill(const sdk::Drill& drill) {
  return sdk::checkCommonDrill(kDomain, drillTypes(), drillFields(), drill);
}
}  // namespace

std::vector<sdk::DrillType> drillTypes() {
  // Both count as 地震应急演练 in the annual report, after the four in-tree domains
  // (orders 10..40).
  return {
      {kEvacuationDrill, "地震应急疏散演练", "Earthquake evacuation drill",
       sdk::DrillContent::SingleItem, sdk::DrillForm::Live, false, "地震应急演练",
       "Earthquake drills", 50},
      {kTabletopDrill, "地震应急桌面推演", "Earthquake tabletop exercise",
       sdk::DrillContent::Comprehensive, sdk::DrillForm::Tabletop, false, "地震应急演练",
       "Earthquake drills", 50},
  };
}

std::vector<sdk::FieldSpec> drillFields() {
  sdk::FieldSpec shelter;
  shelter.name = kShelterField;
  shelter.label_zh = "使用应急避难场所";
  shelter.label_en = "Emergency shelter used";
  shelter.type = sdk::FieldType::Boolean;
  return {shelter};
}

namespace {
// At namespace scope, where &drillTypes is this domain's function (sdk/domain_plugin.h).
sdk::DomainParts parts() {
  sdk::DomainParts p;
  p.info = {kDomain, "防震减灾", "Earthquake preparedness", "0.1.0", kDomain};
  p.ready_message = "earthquake example plugin 0.1.0 ready";
  p.list_drill_types = &drillTypes;
  p.list_plan_categories = &planCategories;
  p.list_drill_fields = &drillFields;
  p.list_organisation_fields = &organisationFields;
  p.check_drill = &validateDrill;
  return p;
}
}  // namespace

EarthquakePlugin::EarthquakePlugin() : sdk::DomainPlugin(parts()) {}

}  // namespace example::earthquake

BEACON_PLUGIN(example::earthquake::EarthquakePlugin)
