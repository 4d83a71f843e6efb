// The route groups of annual drill plans and drill evaluation reports (kept
// out of routes.h so that adding them rebuilds only these files): the JSON
// API (/api/v1/drill-plans, /api/v1/drills/{id}/evaluation) and the pages
// (/drill-plans, POST /drills/{id}/evaluation). Added by addAllRoutes.
#pragma once

#include "http/router.h"

namespace beacon::http {

void addDrillPlanApi(Router& router);
void addDrillPlanPages(Router& router);

}  // namespace beacon::http
