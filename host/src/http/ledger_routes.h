// The route groups of the bulk ledger import and export (kept out of
// routes.h so that adding them rebuilds only these files): the JSON API
// (POST /api/v1/imports/{kind}, GET /api/v1/exports/{kind}) and the page
// (/imports). Added by addAllRoutes.
#pragma once

#include "http/router.h"

namespace beacon::http {

void addLedgerApi(Router& router);
void addLedgerPages(Router& router);

}  // namespace beacon::http
