// EarthquakePlugin: the example out-of-tree domain (防震减灾) the SDK ships to
// show a plugin from end to end: two drill types, one drill field, one rule
// (EarthquakeRules) and its plugin.json. Created by the host through Poco's
// ClassLoader; after initialize() its const methods are safe from several threads.
#pragma once

#include <vector>

#include "beacon/sdk/domain_plugin.h"
#include "earthquake_rules.h"

namespace example::earthquake {

inline constexpr const char* kDomain = "earthquake";
inline constexpr const char* kEvacuationDrill = "earthquake.evacuation";
inline constexpr const char* kTabletopDrill = "earthquake.tabletop";
inline constexpr const char* kShelterField = "shelter_used";

std::vector<beacon::sdk::DrillType> drillTypes();
std::vector<beacon::sdk::FieldSpec> drillFields();

class EarthquakePlugin : public beacon::sdk::DomainPlugin {
 public:
  EarthquakePlugin();
  const beacon::sdk::DomainRules& rules() const override { return rules_; }

 private:
  EarthquakeRules rules_;
};

}  // namespace example::earthquake
