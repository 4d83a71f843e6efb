#include "fields.h"

namespace beacon::plugins::forest_fire {

std::vector<sdk::FieldSpec> drillFields() {
  sdk::FieldSpec team;
  team.name = "professional_team";
  team.label_zh = "专业(半专业)扑火队参加";
  team.label_en = "Professional fire-fighting team took part";
  team.type = sdk::FieldType::Boolean;
  return {team};
}

std::vector<sdk::FieldSpec> organisationFields() {
  sdk::FieldSpec duty;
  duty.name = "forest_fire_duty";
  duty.label_zh = "有森林防火任务";
  duty.label_en = "Has forest-fire prevention duty";
  duty.type = sdk::FieldType::Boolean;
  return {duty};
}

}  // namespace beacon::plugins::forest_fire
