// The route groups of the administration pages (kept out of routes.h so that
// adding them rebuilds only these files): the new-plan form (/plans/new) and
// the signed-in user's own password page (/account/password), organisation
// add/edit/move. Added by
// addAllRoutes; /plans/new before /plans/{id}.
#pragma once

#include "http/router.h"

namespace beacon::http {

void addNewPlanPage(Router& router);
void addPasswordPage(Router& router);
// /organisations/new and /organisations/{id}/edit (org_admin_pages.cpp).
void addOrganisationAdminPages(Router& router);
// /users, /users/new, /users/{id} and its forms (user_admin_pages.cpp).
void addUserAdminPages(Router& router);
// /audit (audit_pages.cpp).
void addAuditPage(Router& router);

}  // namespace beacon::http
