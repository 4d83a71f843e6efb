// Organisation lookups and list scoping shared by the API and the pages:
// an organisation named by id or code, and the set of organisations a list
// may show (the user's read scope, narrowed to one organisation's subtree
// when the request names one, from the organisation tree the server keeps,
// WriteVersions::tree). Per request; not shared.
#pragma once

#include <string>
#include <vector>

#include "beacon/sdk/records.h"
#include "http/request_context.h"

namespace beacon::http {

struct OrgFilter {
  bool all = false;                // no restriction
  std::vector<sdk::RecordId> ids;  // otherwise exactly these (possibly none)
  bool none() const { return !all && ids.empty(); }
};

// The organisation with this id or code, or with this name as the organisation picker labels it
// (http/org_picker.h); 400 naming `param` when there is none.
sdk::Organisation organisationByRef(RequestContext& ctx, const std::string& ref, const std::string& param);
// Read scope narrowed to the subtree of `ref` (empty: whole scope); 403 when
// `ref` lies outside the scope.
OrgFilter readableOrgs(RequestContext& ctx, const std::string& ref, const std::string& param);

}  // namespace beacon::http
