// Organisation contacts: the optional e-mail address of each organisation (organisations.
// contact_email, migration 46) that its daily digest of duties falling due goes to. Kept out of
// sdk::Organisation (the plugin contract): only the host's mail and forms read it. Setting it
// appends an audit entry. Functions follow their Session (not thread-safe).
#pragma once

#include <map>
#include <string>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"
#include "store/audit_log.h"

namespace beacon::store {

// Every organisation that has an address, by id.
std::map<sdk::RecordId, std::string> organisationContactEmails(Poco::Data::Session& session);
// The address of one organisation ("" : none).
std::string organisationContactEmail(Poco::Data::Session& session, sdk::RecordId org_id);
// Sets (or, with "", clears) the address; the caller has validated it (mail/email_address.h).
void setOrganisationContactEmail(Poco::Data::Session& session, sdk::RecordId org_id,
                                 const std::string& email, const Actor& actor);

}  // namespace beacon::store
