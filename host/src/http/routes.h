// The route groups of the web app: JSON API resources under /api/v1 and
// the server-rendered pages. Each function adds its routes to the router at
// start-up; handlers are stateless functions of the RequestContext.
#pragma once

#include "http/router.h"

namespace beacon::http {

void addOrganisationApi(Router& router);
void addPlanApi(Router& router);
void addDrillApi(Router& router);
void addCorrectiveActionApi(Router& router);
// PATCH (correct) and POST .../void for drills, reviews, filings and corrective actions.
void addCorrectionApi(Router& router);
void addObligationApi(Router& router);
void addSummaryApi(Router& router);
void addPluginApi(Router& router);
// GET /api/v1/search (api_search.cpp) and the 搜索 page GET /search (search_page.cpp).
void addSearchApi(Router& router);
void addSearchPage(Router& router);
// GET /plans/export and /drills/export (list_exports.cpp); added before /plans/{id} and
// /drills/{id}.
void addListExports(Router& router);
void addSessionRoutes(Router& router);
void addDashboardPages(Router& router);
void addPlanPages(Router& router);
void addDrillPages(Router& router);
void addCorrectiveActionPages(Router& router);
// The pages of reviews, filings and corrective actions: show, correct (edit), void.
void addRecordPages(Router& router);
void addOrganisationPages(Router& router);
void addSummaryPages(Router& router);
void addAttachmentRoutes(Router& router);
void addCalendarFeed(Router& router);
void addStaticAssets(Router& router);
void addOfflineAssets(Router& router);  // offline_assets.cpp: service worker, manifest
// GET /healthz, /readyz and /metrics (no login; /metrics only to web.metrics_allow).
void addOpsRoutes(Router& router);

// Every group above.
void addAllRoutes(Router& router);

}  // namespace beacon::http
