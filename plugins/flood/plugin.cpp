#include "plugin.h"

#include <exception>

#include "drill_types.h"
#include "drill_validator.h"
#include "fields.h"
#include "plan_categories.h"

namespace beacon::plugins::flood {

sdk::PluginInfo FloodPlugin::info() const { return {"flood", "防汛", "Flood control", "1.0.0", "flood"}; }

sdk::Status FloodPlugin::initialize(sdk::HostServices& host) {
  host_ = &host;
  try {
    host_->log(sdk::LogLevel::Info, "flood plugin 1.0.0 ready (Henan flood season 05-15..09-30 by default)");
  } catch (...) {
  }
  return sdk::Status::ok();
}

std::vector<sdk::DrillType> FloodPlugin::drillTypes() const { return flood::drillTypes(); }
std::vector<sdk::PlanCategory> FloodPlugin::planCategories() const { return flood::planCategories(); }
std::vector<sdk::FieldSpec> FloodPlugin::drillFields() const { return flood::drillFields(); }
std::vector<sdk::FieldSpec> FloodPlugin::organisationFields() const { return flood::organisationFields(); }

sdk::Status FloodPlugin::validateDrill(const sdk::Drill& drill) const {
  try {
    return flood::validateDrill(drill);
  } catch (const std::exception& e) {
    return sdk::Status::error(std::string("flood drill validation failed: ") + e.what());
  }
}

}  // namespace beacon::plugins::flood

BEACON_PLUGIN(beacon::plugins::flood::FloodPlugin)
