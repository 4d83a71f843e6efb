// Who may add, edit and move organisations from the pages: the city
// administrator everywhere; department and township staff (org_staff) inside
// their own subtree: a new organisation under any organisation of it, an edit
// or move of any organisation below their own (their own organisation's
// place in the tree is the city's to change). Village staff and viewers
// never. Per request (uses the request's AccessPolicy); not shared.
#pragma once

#include "http/request_context.h"

namespace beacon::http {

// May the user add an organisation under `parent_id`?
bool mayAddUnder(RequestContext& ctx, sdk::RecordId parent_id);
// May the user edit or move `org_id`?
bool mayEdit(RequestContext& ctx, sdk::RecordId org_id);
// May the user manage any organisation at all (the 新增单位 link)?
bool managesOrganisations(RequestContext& ctx);

}  // namespace beacon::http
