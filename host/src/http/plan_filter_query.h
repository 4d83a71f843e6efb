// planFilterFromQuery: the plan list filters a request's query string gives
// (domain, status — refused with 400 naming `status` when unknown — and
// offset), shared by the plans page and GET /api/v1/plans; the caller sets
// the page size and the readable owners. Stateless; thread-safe.
#pragma once

#include "http/request_context.h"
#include "store/plan_repository.h"

namespace beacon::http {

store::PlanFilter planFilterFromQuery(RequestContext& ctx);

}  // namespace beacon::http
