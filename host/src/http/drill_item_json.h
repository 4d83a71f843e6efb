// writeDrillItem: one item of the drill list answer (GET /api/v1/drills) written as JSON text:
// the drill's fields in store::toJson's order, then org_name, org_code, drill_type_label and
// voided, byte for byte what Poco::JSON::Stringifier writes for the same object (JsonText).
// Used by api_drills.cpp and by bench/bench_json_text.cpp, which compares it with the Poco path.
// Stateless; thread-safe.
#pragma once

#include <string>

#include "beacon/sdk/records.h"
#include "http/json_text.h"

namespace beacon::http {

void writeDrillItem(const sdk::Drill& drill, const std::string& org_name,
                    const std::string& org_code, const std::string& drill_type_label, bool voided,
                    JsonText& j);

}  // namespace beacon::http
