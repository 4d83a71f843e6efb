// Rule inputs every domain reads the same way: an organisation's yes/no
// attribute and a yearly day parameter (MM-DD, overridable per year). Added in
// SDK 3.0 (each plugin had its own copy). Pure functions; thread-safe.
#pragma once

#include <string>

#include "beacon/sdk/export.h"
#include "beacon/sdk/host_services.h"
#include "beacon/sdk/records.h"
#include "beacon/sdk/status.h"

namespace beacon::sdk {

// True when the organisation's attribute `attribute` ("<domain>.<field>") is "1".
BEACON_SDK_API bool isTrue(const Organisation& org, const std::string& attribute);

// The day a yearly parameter names: "<base>.<key_year>" if set, else "<base>", else `fallback`,
// read as MM-DD of `day_year` (a period that ends the year after it starts reads its end day from
// the start year's key). Fails, naming the key it read, for anything but a day of that year.
BEACON_SDK_API Result<Date> yearlyDay(const RuleParameters& parameters, const std::string& base,
                                      int key_year, int day_year, const std::string& fallback);

}  // namespace beacon::sdk
