#include "http/org_admin_scope.h"

namespace beacon::http {

bool managesOrganisations(RequestContext& ctx) {
  const auth::User& user = ctx.requireUser();
  if (user.disabled) return false;
  return user.role == auth::Role::Admin || (user.role == auth::Role::OrgStaff && user.org_id != 0);
}

bool mayAddUnder(RequestContext& ctx, sdk::RecordId parent_id) {
  if (!managesOrganisations(ctx)) return false;
  return ctx.requireUser().role == auth::Role::Admin || ctx.policy().canWrite(ctx.requireUser(), parent_id);
}

bool mayEdit(RequestContext& ctx, sdk::RecordId org_id) {
  if (!managesOrganisations(ctx)) return false;
  const auth::User& user = ctx.requireUser();
  if (user.role == auth::Role::Admin) return true;
  return org_id != user.org_id && ctx.policy().canWrite(user, org_id);
}

}  // namespace beacon::http
