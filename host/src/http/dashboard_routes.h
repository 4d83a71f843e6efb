// The routes beside the dashboard (kept out of routes.h so that adding them
// rebuilds only these files): the downloads of its lists (GET
// /dashboard/export) and the calendar subscription page (/calendar-feed).
// Added by addAllRoutes.
#pragma once

#include "http/router.h"

namespace beacon::http {

void addDashboardExport(Router& router);
void addCalendarFeedPage(Router& router);

}  // namespace beacon::http
