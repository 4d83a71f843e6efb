#include "plugin.h"

#include <exception>

#include "drill_types.h"
#include "drill_validator.h"
#include "fields.h"
#include "plan_categories.h"

namespace beacon::plugins::enterprise_safety {

sdk::PluginInfo EnterpriseSafetyPlugin::info() const { return {"enterprise_safety", "安全生产", "Enterprise work safety", "1.0.0", "enterprise_safety"}; }

sdk::Status EnterpriseSafetyPlugin::initialize(sdk::HostServices& host) {
  host_ = &host;
  try {
    host_->log(sdk::LogLevel::Info, "enterprise_safety plugin 1.0.0 ready");
  } catch (...) {
  }
  return sdk::Status::ok();
}

std::vector<sdk::DrillType> EnterpriseSafetyPlugin::drillTypes() const { return enterprise_safety::drillTypes(); }
std::vector<sdk::PlanCategory> EnterpriseSafetyPlugin::planCategories() const { return enterprise_safety::planCategories(); }
std::vector<sdk::FieldSpec> EnterpriseSafetyPlugin::drillFields() const { return enterprise_safety::drillFields(); }
std::vector<sdk::FieldSpec> EnterpriseSafetyPlugin::organisationFields() const { return enterprise_safety::organisationFields(); }

sdk::Status EnterpriseSafetyPlugin::validateDrill(const sdk::Drill& drill) const {
  try {
    return enterprise_safety::validateDrill(drill);
  } catch (const std::exception& e) {
    return sdk::Status::error(std::string("enterprise_safety drill validation failed: ") + e.what());
  }
}

}  // namespace beacon::plugins::enterprise_safety

BEACON_PLUGIN(beacon::plugins::enterprise_safety::EnterpriseSafetyPlugin)
