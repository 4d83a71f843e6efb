// Out-of-line virtual destructors: the typeinfo and vtables of every SDK
// interface live here, in libbeacon_sdk, shared by the host and all plugins.
#include "beacon/sdk/domain_rules.h"
#include "beacon/sdk/host_services.h"
#include "beacon/sdk/plugin.h"

namespace beacon::sdk {

RecordReader::~RecordReader() = default;
WorkingCalendar::~WorkingCalendar() = default;
RuleParameters::~RuleParameters() = default;
HostServices::~HostServices() = default;
DomainRules::~DomainRules() = default;
Plugin::~Plugin() = default;

}  // namespace beacon::sdk
