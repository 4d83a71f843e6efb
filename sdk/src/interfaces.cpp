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
  // Per group: the newest drill, and the newest dated before the newest one's day.
  std::map<std::tuple<RecordId, RecordId, std::string>, std::pair<RecordRef, RecordRef>> newest;
  const auto newer = [](const RecordRef& a, const RecordRef& b) {
    return !b.isSet() || b.date < a.date || (a.date == b.date && b.id < a.id);
  };
  for (const auto& d : drills(from, to)) {
    if (!flag_field.empty()) {
      const auto it = d.fields.find(flag_field);
      if (it == d.fields.end() || it->second != "1") continue;
    }
    auto& [first, before] = newest[{d.org_id, d.plan_id, d.drill_type}];
    const RecordRef ref{"drill", d.id, d.date};
    if (newer(ref, first)) {
      if (first.isSet() && first.date < ref.date) before = first;
      first = ref;
    } else if (ref.date < first.date && newer(ref, before)) {
      before = ref;
    }
  }
  std::vector<LatestDrill> out;
  out.reserve(newest.size() * 2);
  for (const auto& [key, refs] : newest) {
    for (const RecordRef& ref : {refs.first, refs.second}) {
      if (ref.isSet())
        out.push_back(LatestDrill{std::get<0>(key), std::get<1>(key), std::get<2>(key), ref});
    }
  }
  return out;
}
WorkingCalendar::~WorkingCalendar() = default;
RuleParameters::~RuleParameters() = default;
HostServices::~HostServices() = default;
DomainRules::~DomainRules() = default;
Plugin::~Plugin() = default;

}  // namespace beacon::sdk
