#include "http/org_labels.h"

namespace beacon::http {

namespace {
const std::string kEmpty;
}

OrgLabels::OrgLabels(Poco::Data::Session& session, std::vector<sdk::RecordId> ids)
    : labels_(store::readOrganisationLabels(session, std::move(ids))) {}

const store::OrganisationLabel* OrgLabels::find(sdk::RecordId id) const {
  auto it = labels_.find(id);
  return it == labels_.end() ? nullptr : &it->second;
}

const std::string& OrgLabels::name(sdk::RecordId id) const {
  const store::OrganisationLabel* l = find(id);
  return l ? l->name : kEmpty;
}

const std::string& OrgLabels::code(sdk::RecordId id) const {
  const store::OrganisationLabel* l = find(id);
  return l ? l->code : kEmpty;
}

}  // namespace beacon::http
