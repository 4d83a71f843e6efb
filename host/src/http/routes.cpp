#include "http/routes.h"
#include "http/admin_routes.h"
#include "http/dashboard_routes.h"
#include "http/drill_plan_routes.h"
#include "http/ledger_routes.h"
#include "http/notification_routes.h"

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
  addSearchApi(router);
  addDashboardPages(router);
  addNewPlanPage(router);  // before addPlanPages: /plans/new is not /plans/{id}
  addDashboardExport(router);
  addListExports(router);
  addPlanPages(router);
  addPasswordPage(router);
  addDrillPages(router);
  addDrillPlanPages(router);
  addCorrectiveActionPages(router);
  addRecordPages(router);
  addOrganisationPages(router);
  addOrganisationAdminPages(router);
  addUserAdminPages(router);
  addAuditPage(router);
  addSearchPage(router);
  addNotificationRoutes(router);
  addSummaryPages(router);
  addLedgerPages(router);
  addAttachmentRoutes(router);
  addCalendarFeed(router);
  addCalendarFeedPage(router);
  addStaticAssets(router);
  addOfflineAssets(router);
  addOpsRoutes(router);
}

}  // namespace beacon::http
