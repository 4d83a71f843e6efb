#include "fields.h"

namespace beacon::plugins::flood {

std::vector<sdk::FieldSpec> drillFields() {
  sdk::FieldSpec hazard;
  hazard.name = kHazardField;
  hazard.label_zh = "灾害类型";
  hazard.label_en = "Hazard";
  hazard.type = sdk::FieldType::Choice;
  hazard.required = true;
  hazard.allowed_values = {"flash_flood", "river", "reservoir", "waterlogging"};
  hazard.allowed_labels_zh = {"山洪", "河道", "水库", "内涝"};
  return {hazard};
}

std::vector<sdk::FieldSpec> organisationFields() {
  sdk::FieldSpec zone;
  zone.name = kFlashFloodZoneField;
  zone.label_zh = "位于山洪灾害危险区";
  zone.label_en = "In a flash-flood danger zone";
  zone.type = sdk::FieldType::Boolean;
  return {zone};
}

}  // namespace beacon::plugins::flood
