#include "http/plan_filter_query.h"

#include "http/http_error.h"
#include "store/record_parse.h"

namespace beacon::http {

store::PlanFilter planFilterFromQuery(RequestContext& ctx) {
  store::PlanFilter filter;
  filter.domain = ctx.query("domain");
  filter.status = ctx.query("status");
  if (!filter.status.empty()) {
    auto s = store::parsePlanStatus(filter.status);
    if (!s) throw HttpError::badRequest("unknown status \"" + filter.status + "\"", "status");
    filter.status = sdk::toId(*s);
  }
  filter.offset = ctx.queryInt("offset", 0, 0, 100000000);
  return filter;
}

}  // namespace beacon::http
