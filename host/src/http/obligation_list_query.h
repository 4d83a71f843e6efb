// The filters an obligation list takes from the query string, shared by the
// dashboard's lists and GET /api/v1/obligations: kind (duty kind, e.g.
// drill, filing), rule (a rule id) and sort (due | org). An unknown value is
// a 400 naming the parameter. Per request.
#pragma once

#include <string>

#include "http/obligation_view.h"
#include "http/request_context.h"
#include "rules/obligation_page.h"

namespace beacon::http {

rules::ObligationPageQuery obligationListQuery(RequestContext& ctx,
                                               rules::ObligationOrder fallback);

// The organisation's name in the view, or "".
std::string orgNameOf(const ObligationView& view, sdk::RecordId id);

}  // namespace beacon::http
