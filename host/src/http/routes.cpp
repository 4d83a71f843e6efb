#include "http/routes.h"

namespace beacon::http {

void addAllRoutes(Router& router) {
  addSessionRoutes(router);
  addOrganisationApi(router);
  addPlanApi(router);
  addDrillApi(router);
  addCorrectiveActionApi(router);
  addObligationApi(router);
  addSummaryApi(router);
  addPluginApi(router);
}

}  // namespace beacon::http
