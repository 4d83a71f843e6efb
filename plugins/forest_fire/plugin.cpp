#include "plugin.h"

#include <exception>

#include "drill_types.h"
#include "drill_validator.h"
#include "fields.h"
#include "plan_categories.h"

namespace beacon::plugins::forest_fire {

sdk::PluginInfo ForestFirePlugin::info() const { return {"forest_fire", "森林防火", "Forest fire prevention", "1.0.0", "forest_fire"}; }

sdk::Status ForestFirePlugin::initialize(sdk::HostServices& host) {
  host_ = &host;
  try {
    host_->log(sdk::LogLevel::Info, "forest_fire plugin 1.0.0 ready (Henan fire-prevention period 11-01..04-30 by default)");
  } catch (...) {
  }
  return sdk::Status::ok();
}

std::vector<sdk::DrillType> ForestFirePlugin::drillTypes() const { return forest_fire::drillTypes(); }
std::vector<sdk::PlanCategory> ForestFirePlugin::planCategories() const { return forest_fire::planCategories(); }
std::vector<sdk::FieldSpec> ForestFirePlugin::drillFields() const { return forest_fire::drillFields(); }
std::vector<sdk::FieldSpec> ForestFirePlugin::organisationFields() const { return forest_fire::organisationFields(); }

sdk::Status ForestFirePlugin::validateDrill(const sdk::Drill& drill) const {
  try {
    return forest_fire::validateDrill(drill);
  } catch (const std::exception& e) {
    return sdk::Status::error(std::string("forest_fire drill validation failed: ") + e.what());
  }
}

}  // namespace beacon::plugins::forest_fire

BEACON_PLUGIN(beacon::plugins::forest_fire::ForestFirePlugin)
