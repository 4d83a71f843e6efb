// queryDrillKey: the keyset-paging cursor (store::DrillKey, "YYYY-MM-DD_ID") in a query parameter
// of the drill list (API and page); a malformed one is a 400 naming the parameter. Stateless;
// thread-safe.
#pragma once

#include <optional>
#include <string>

#include "http/request_context.h"
#include "store/drill_key.h"

namespace beacon::http {

// Empty or absent: nullopt.
std::optional<store::DrillKey> queryDrillKey(const RequestContext& ctx, const std::string& name);

}  // namespace beacon::http
