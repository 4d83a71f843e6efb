#include "beacon/sdk/domain_plugin.h"

#include <exception>

namespace beacon::sdk {

Status DomainPlugin::initialize(HostServices& host) {
  host_ = &host;
  try {
    host_->log(LogLevel::Info, parts_.ready_message);
  } catch (...) {
  }
  return Status::ok();
}

namespace {
template <typename T>
std::vector<T> listed(std::vector<T> (*list)()) {
  return list ? list() : std::vector<T>{};
}
}  // namespace

std::vector<DrillType> DomainPlugin::drillTypes() const { return listed(parts_.list_drill_types); }
std::vector<PlanCategory> DomainPlugin::planCategories() const {
  return listed(parts_.list_plan_categories);
}
std::vector<FieldSpec> DomainPlugin::drillFields() const {
  return listed(parts_.list_drill_fields);
}
std::vector<FieldSpec> DomainPlugin::organisationFields() const {
  return listed(parts_.list_organisation_fields);
}

Status DomainPlugin::validateDrill(const Drill& drill) const {
  if (!parts_.check_drill) return Status::ok();
  try {
    return parts_.check_drill(drill);
  } catch (const std::exception& e) {
    return Status::internal(parts_.info.id + " drill validation failed: " + e.what());
  } catch (...) {
    return Status::internal(parts_.info.id + " drill validation failed with an unknown error");
  }
}

}  // namespace beacon::sdk
