// readOrganisationLabels: the name and code of each of a set of
// organisations, read in one statement per 256 ids (scanByIdList; a list
// response that named each row's organisation through its own lookup cost one
// statement compilation per row). A named query over the organisations table.
// Not thread-safe (follows its Session).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"

namespace beacon::store {

struct OrganisationLabel {
  std::string name;
  std::string code;
};

// The labels of those of `ids` that exist (duplicates allowed); empty for no ids.
std::unordered_map<sdk::RecordId, OrganisationLabel> readOrganisationLabels(
    Poco::Data::Session& session, std::vector<sdk::RecordId> ids);

}  // namespace beacon::store
