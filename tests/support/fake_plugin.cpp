#include "support/fake_plugin.h"

namespace beacon::testing {

namespace {

class NoRules : public sdk::DomainRules {
 public:
  std::vector<sdk::RuleInfo> rules() const override { return {}; }
  sdk::Status evaluate(const sdk::RuleContext&, std::vector<sdk::Obligation>&) const override {
    return sdk::Status::ok();
  }
};

sdk::DrillType drillType(const std::string& id, const std::string& zh, const std::string& report, int order) {
  sdk::DrillType t;
  t.id = id;
  t.label_zh = zh;
  t.label_en = id;
  t.report_label_zh = report;
  t.report_label_en = report;
  t.report_order = order;
  return t;
}

sdk::FieldSpec field(const std::string& name, const std::string& zh, sdk::FieldType type, bool required) {
  sdk::FieldSpec f;
  f.name = name;
  f.label_zh = zh;
  f.label_en = name;
  f.type = type;
  f.required = required;
  return f;
}

}  // namespace

sdk::PluginInfo FakePlugin::info() const { return {domain_, domain_, domain_, "0.0.1", domain_}; }

sdk::Status FakePlugin::validateDrill(const sdk::Drill& drill) const {
  ++const_cast<FakePlugin*>(this)->validate_calls;
  if (validate_hook) return validate_hook(drill);
  const bool evacuation = drill.drill_type.find("evacuation") != std::string::npos;
  if (!evacuation && drill.evacuees > 0) {
    return sdk::Status::invalid("evacuees", "only evacuation drills record evacuees");
  }
  return sdk::Status::ok();
}

const sdk::DomainRules& FakePlugin::rules() const {
  static const NoRules kRules;
  return kRules;
}

FakePlugin* addFakePlugin(plugins::PluginRegistry& registry, FakePlugin* plugin, const std::string& name_zh) {
  plugins::PluginRecord rec;
  rec.id = plugin->info().id;
  rec.name_zh = name_zh;
  rec.name_en = rec.id;
  rec.version = "0.0.1";
  rec.sdk_version = sdk::kSdkVersion;
  rec.state = plugins::PluginState::Enabled;
  rec.plugin = plugin;
  rec.drill_types = plugin->drillTypes();
  rec.plan_categories = plugin->planCategories();
  rec.drill_fields = plugin->drillFields();
  rec.organisation_fields = plugin->organisationFields();
  rec.rule_scope = sdk::RuleScope::Organisation;
  for (const auto& rule : plugin->rules().rules()) rec.rule_scope = sdk::widerScope(rec.rule_scope, rule.scope);
  registry.add(std::move(rec));
  return plugin;
}

FakePlugin* addFakeFloodPlugin(plugins::PluginRegistry& registry) {
  auto* p = new FakePlugin("flood");
  p->drill_types = {drillType("flood.comprehensive", "防汛综合演练", "防汛综合演练", 10),
                    drillType("flood.evacuation", "防汛人员疏散演练", "防汛、人员疏散演练", 11)};
  p->plan_categories = {{sdk::category::kSpecial, "专项应急预案", "Special"},
                        {sdk::category::kGrassroots, "基层应急预案", "Grassroots"},
                        {sdk::category::kDepartment, "部门应急预案", "Department"}};
  auto hazard = field("hazard", "灾害类型", sdk::FieldType::Choice, true);
  hazard.allowed_values = {"flash_flood", "river", "reservoir", "waterlogging"};
  hazard.allowed_labels_zh = {"山洪", "河道", "水库", "内涝"};
  auto level = field("warning_level", "预警级别", sdk::FieldType::Integer, false);
  level.min_value = 1;
  level.max_value = 4;
  p->drill_fields = {hazard, level};
  p->organisation_fields = {field("flash_flood_zone", "山洪灾害危险区", sdk::FieldType::Boolean, false)};
  return addFakePlugin(registry, p, "防汛");
}

FakePlugin* addFakeFirePlugin(plugins::PluginRegistry& registry) {
  auto* p = new FakePlugin("fire");
  p->drill_types = {drillType("fire.evacuation", "灭火和应急疏散演练", "消防演练", 20),
                    drillType("fire.tabletop", "消防桌面推演", "消防演练", 20)};
  p->plan_categories = {{sdk::category::kSpecial, "专项应急预案", "Special"},
                        {sdk::category::kOnSite, "现场处置方案", "On-site"}};
  auto kind = field("unit_kind", "单位类别", sdk::FieldType::Choice, false);
  kind.allowed_values = {"school", "hospital", "other"};
  kind.allowed_labels_zh = {"学校", "医院", "其他"};
  p->organisation_fields = {field("key_fire_unit", "消防安全重点单位", sdk::FieldType::Boolean, false), kind};
  p->drill_fields = {field("extinguisher_used", "使用灭火器", sdk::FieldType::Boolean, false)};
  return addFakePlugin(registry, p, "消防");
}

}  // namespace beacon::testing
