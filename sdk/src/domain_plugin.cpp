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

Status DomainPlugin::validateDrill(const Drill& drill) const {
  try {
    return parts_.validate_drill(drill);
  } catch (const std::exception& e) {
    return Status::error(parts_.info.id + " drill validation failed: " + e.what());
  } catch (...) {
    return Status::error(parts_.info.id + " drill validation failed with an unknown error");
  }
}

}  // namespace beacon::sdk
