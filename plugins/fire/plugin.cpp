#include "plugin.h"

#include <exception>

#include "drill_types.h"
#include "drill_validator.h"
#include "fields.h"
#include "plan_categories.h"

namespace beacon::plugins::fire {

sdk::PluginInfo FirePlugin::info() const { return {"fire", "消防", "Fire safety", "1.0.0", "fire"}; }

sdk::Status FirePlugin::initialize(sdk::HostServices& host) {
  host_ = &host;
  try {
    host_->log(sdk::LogLevel::Info, "fire plugin 1.0.0 ready (Henan Fire Day 11-09)");
  } catch (...) {
  }
  return sdk::Status::ok();
}

std::vector<sdk::DrillType> FirePlugin::drillTypes() const { return fire::drillTypes(); }
std::vector<sdk::PlanCategory> FirePlugin::planCategories() const { return fire::planCategories(); }
std::vector<sdk::FieldSpec> FirePlugin::drillFields() const { return fire::drillFields(); }
std::vector<sdk::FieldSpec> FirePlugin::organisationFields() const { return fire::organisationFields(); }

sdk::Status FirePlugin::validateDrill(const sdk::Drill& drill) const {
  try {
    return fire::validateDrill(drill);
  } catch (const std::exception& e) {
    return sdk::Status::error(std::string("fire drill validation failed: ") + e.what());
  }
}

}  // namespace beacon::plugins::fire

BEACON_PLUGIN(beacon::plugins::fire::FirePlugin)
