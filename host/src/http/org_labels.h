// OrgLabels: the names and codes of the organisations a list response
// mentions, read in one query (store::readOrganisationLabels) instead of one
// lookup per row (a page of 50 drills cost 50 statement compilations). Per
// request; not thread-safe.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"
#include "store/organisation_labels.h"

namespace beacon::http {

class OrgLabels {
 public:
  OrgLabels(Poco::Data::Session& session, std::vector<sdk::RecordId> ids);
  // "" for an id that was not asked for or does not exist.
  const std::string& name(sdk::RecordId id) const;
  const std::string& code(sdk::RecordId id) const;

 private:
  const store::OrganisationLabel* find(sdk::RecordId id) const;
  std::unordered_map<sdk::RecordId, store::OrganisationLabel> labels_;
};

}  // namespace beacon::http
