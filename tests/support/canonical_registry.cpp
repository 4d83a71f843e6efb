#include "support/canonical_registry.h"

#include <string>
#include <vector>

namespace beacon::testing {

namespace {

using sdk::DrillContent;
using sdk::DrillForm;
using sdk::DrillType;
using sdk::FieldSpec;
using sdk::FieldType;

DrillType type(std::string id, std::string zh, std::string en, DrillContent content, DrillForm form,
               std::string report_zh, std::string report_en, int order, bool on_site = false) {
  DrillType t;
  t.id = std::move(id);
  t.label_zh = std::move(zh);
  t.label_en = std::move(en);
  t.content = content;
  t.form = form;
  t.on_site_disposal = on_site;
  t.report_label_zh = std::move(report_zh);
  t.report_label_en = std::move(report_en);
  t.report_order = order;
  return t;
}

FieldSpec boolField(std::string name, std::string zh, std::string en) {
  FieldSpec f;
  f.name = std::move(name);
  f.label_zh = std::move(zh);
  f.label_en = std::move(en);
  f.type = FieldType::Boolean;
  return f;
}

FieldSpec choiceField(std::string name, std::string zh, std::string en, bool required,
                      std::vector<std::string> values, std::vector<std::string> labels) {
  FieldSpec f;
  f.name = std::move(name);
  f.label_zh = std::move(zh);
  f.label_en = std::move(en);
  f.type = FieldType::Choice;
  f.required = required;
  f.allowed_values = std::move(values);
  f.allowed_labels_zh = std::move(labels);
  return f;
}

plugins::PluginRecord record(std::string id, std::string zh, std::string en) {
  plugins::PluginRecord r;
  r.id = std::move(id);
  r.directory = "(canonical test registry)";
  r.name_zh = std::move(zh);
  r.name_en = std::move(en);
  r.version = "0.0.0-test";
  r.sdk_version = sdk::kSdkVersion;
  r.state = plugins::PluginState::Enabled;
  return r;
}

}  // namespace

void fillCanonicalRegistry(plugins::PluginRegistry& registry) {
  const auto C = DrillContent::Comprehensive;
  const auto S = DrillContent::SingleItem;
  const auto L = DrillForm::Live;
  const auto T = DrillForm::Tabletop;

  auto flood = record("flood", "防汛", "Flood control");
  flood.drill_types = {
      type("flood.comprehensive", "防汛综合演练", "Flood comprehensive drill", C, L, "防汛综合演练",
           "comprehensive flood drills", 10),
      type("flood.evacuation", "防汛、人员疏散演练", "Flood evacuation drill", S, L,
           "防汛、人员疏散演练", "flood and evacuation drills", 11),
  };
  flood.drill_fields = {choiceField("hazard", "灾害类型", "Hazard", true,
                                    {"flash_flood", "river", "reservoir", "waterlogging"},
                                    {"山洪", "河道", "水库", "内涝"})};
  flood.organisation_fields = {boolField("flash_flood_zone", "山洪灾害危险区", "Flash-flood zone")};

  auto fire = record("fire", "消防", "Fire safety");
  fire.drill_types = {
      type("fire.evacuation", "灭火和应急疏散演练", "Fire-fighting and evacuation drill", C, L, "消防演练",
           "fire drills", 20),
      type("fire.tabletop", "消防桌面演练", "Fire tabletop drill", S, T, "消防演练", "fire drills", 20),
  };
  fire.organisation_fields = {
      boolField("key_fire_unit", "消防安全重点单位", "Key fire-safety unit"),
      choiceField("unit_kind", "单位类别", "Unit kind", false,
                  {"property_community", "school", "kindergarten", "nursing_home", "welfare_home", "hospital",
                   "crowded_place", "other"},
                  {"物业小区", "学校", "幼儿园", "养老院", "福利院", "医院", "人员密集场所", "其他"}),
  };

  auto forest = record("forest_fire", "森林防火", "Forest fire prevention");
  forest.drill_types = {
      type("forest_fire.suppression", "扑火演练", "Fire suppression drill", C, L, "森林防火演练",
           "forest fire drills", 30),
      type("forest_fire.tabletop", "森林防火桌面演练", "Forest fire tabletop drill", S, T, "森林防火演练",
           "forest fire drills", 30),
  };
  forest.organisation_fields = {boolField("forest_fire_duty", "森林防火责任单位", "Forest fire duty")};

  auto safety = record("enterprise_safety", "安全生产", "Work safety");
  safety.drill_types = {
      type("enterprise_safety.comprehensive", "综合应急预案演练", "Comprehensive plan drill", C, L,
           "重点生产经营单位演练", "drills by key enterprises", 40),
      type("enterprise_safety.special", "专项应急预案演练", "Special plan drill", S, L, "重点生产经营单位演练",
           "drills by key enterprises", 40),
      type("enterprise_safety.on_site", "现场处置方案演练", "On-site disposal drill", S, L,
           "重点生产经营单位演练", "drills by key enterprises", 40, true),
      type("enterprise_safety.tabletop", "桌面演练", "Tabletop drill", S, T, "重点生产经营单位演练",
           "drills by key enterprises", 40),
  };
  FieldSpec reported_date;
  reported_date.name = "reported_date";
  reported_date.label_zh = "报告日期";
  reported_date.label_en = "Reported on";
  reported_date.type = FieldType::Date;
  safety.drill_fields = {boolField("reported_to_county", "已向县级部门报告", "Reported to the county"),
                         reported_date};
  safety.organisation_fields = {
      boolField("key_unit_cond8", "重点生产经营单位(第8条)", "Key unit (art. 8)"),
      boolField("major_hazard_source", "重大危险源", "Major hazard source"),
      boolField("review_required", "预案须评审", "Plan review required"),
      boolField("eval_3yr", "每三年评估", "Three-yearly evaluation"),
      boolField("filing_required", "预案须备案", "Plan filing required"),
  };

  registry.add(std::move(flood));
  registry.add(std::move(fire));
  registry.add(std::move(forest));
  registry.add(std::move(safety));
}

}  // namespace beacon::testing
