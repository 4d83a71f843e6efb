// KeptOrganisations: every organisation (all its fields) and its name by id, read once per
// organisation tree the server keeps (WriteVersions::tree: a new tree after every commit that
// may have added, moved, renamed or changed an organisation, or that it cannot tell about), so a
// dashboard or an obligation list does not read the organisations per request
// (OrganisationRepository::list was 12 % of the demo city's dashboard). The kept set is tied to
// the tree it was read with (held, so a new server's tree is never taken for it); a request that
// finds a newer tree reads the organisations again. Immutable once built; shared by pointer;
// keptOrganisations is thread-safe.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "beacon/sdk/records.h"
#include "http/request_context.h"

namespace beacon::http {

struct KeptOrganisations {
  std::map<sdk::RecordId, sdk::Organisation> orgs;
  std::map<sdk::RecordId, std::string> names;
};

// The organisations as of the server's current organisation tree. Throws Poco::Exception when
// the database cannot be read.
std::shared_ptr<const KeptOrganisations> keptOrganisations(RequestContext& ctx);

}  // namespace beacon::http
