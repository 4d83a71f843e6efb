#include "http/drill_plan_routes.h"
#include "http/ledger_routes.h"
#include "http/routes.h"

namespace beacon::http {

void addAllRoutes(Router& router) {
  addSessionRoutes(router);
  addOrganisationApi(router);
  addPlanApi(router);
  addDrillApi(router);
  addDrillPlanApi(router);
  addCorrectiveActionApi(router);
  addCorrectionApi(router);
  addObligationApi(router);
  addSummaryApi(router);
  addLedgerApi(router);
  addPluginApi(router);
  addDashboardPages(router);
  addPlanPages(router);
  addDrillPages(router);
  addDrillPlanPages(router);
  addCorrectiveActionPages(router);
  addRecordPages(router);
  addOrganisationPages(router);
  addSummaryPages(router);
  addLedgerPages(router);
  addAttachmentRoutes(router);
  addCalendarFeed(router);
  addStaticAssets(router);
  addOpsRoutes(router);
}

}  // namespace beacon::http
