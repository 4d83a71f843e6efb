#include "fields.h"

namespace beacon::plugins::fire {

namespace {
sdk::FieldSpec boolean(const char* name, const char* zh, const char* en) {
  sdk::FieldSpec f;
  f.name = name;
  f.label_zh = zh;
  f.label_en = en;
  f.type = sdk::FieldType::Boolean;
  return f;
}
}  // namespace

std::vector<sdk::FieldSpec> drillFields() {
  return {boolean("people_notified", "已事先告知演练范围内人员", "People in the drill area told in advance"),
          boolean("fire_station_joined", "消防救援站参加", "Fire rescue station took part")};
}

std::vector<sdk::FieldSpec> organisationFields() {
  sdk::FieldSpec kind;
  kind.name = "unit_kind";
  kind.label_zh = "单位类别";
  kind.label_en = "Unit kind";
  kind.type = sdk::FieldType::Choice;
  kind.allowed_values = {unit_kind::kPropertyCommunity, unit_kind::kSchool,      unit_kind::kKindergarten,
                         unit_kind::kNursingHome,       unit_kind::kWelfareHome, unit_kind::kHospital,
                         unit_kind::kCrowdedPlace,      unit_kind::kOther};
  kind.allowed_labels_zh = {"物业小区", "学校", "幼儿园", "养老院", "福利院", "医院", "人员密集场所", "其他"};
  return {boolean("key_fire_unit", "消防安全重点单位", "Key fire-safety unit"), kind};
}

}  // namespace beacon::plugins::fire
