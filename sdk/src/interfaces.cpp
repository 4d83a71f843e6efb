// Out-of-line virtual destructors: the typeinfo and vtables of every SDK
// interface live here, in libbeacon_sdk, shared by the host and all plugins.
#include "beacon/sdk/domain_rules.h"
#include "beacon/sdk/host_services.h"
#include "beacon/sdk/plugin.h"

#include <map>
#include <tuple>

namespace beacon::sdk {

RecordReader::~RecordReader() = default;

std::vector<LatestDrill> RecordReader::latestDrills(const Date& from, const Date& to,
                                                    const std::string& flag_field) const {
  std::map<std::tuple<RecordId, RecordId, std::string>, LatestDrill> newest;
  for (const auto& d : drills(from, to)) {
    if (!flag_field.empty()) {
      const auto it = d.fields.find(flag_field);
      if (it == d.fields.end() || it->second != "1") continue;
    }
    LatestDrill& g = newest[{d.org_id, d.plan_id, d.drill_type}];
    if (g.drill.isSet() && (d.date < g.drill.date || (d.date == g.drill.date && d.id < g.drill.id)))
      continue;
    g.org_id = d.org_id;
    g.plan_id = d.plan_id;
    g.drill_type = d.drill_type;
    g.drill = RecordRef{"drill", d.id, d.date};
  }
  std::vector<LatestDrill> out;
  out.reserve(newest.size());
  for (auto& entry : newest) out.push_back(std::move(entry.second));
  return out;
}
WorkingCalendar::~WorkingCalendar() = default;
RuleParameters::~RuleParameters() = default;
HostServices::~HostServices() = default;
DomainRules::~DomainRules() = default;
Plugin::~Plugin() = default;

}  // namespace beacon::sdk
