#include "store/organisation_contacts.h"

#include <vector>

#include <Poco/JSON/Object.h>

#include "store/record_json.h"
#include "store/transaction.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

namespace {
std::string emailJson(const std::string& email) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("contact_email", email);
  return stringify(o);
}
}  // namespace

std::map<sdk::RecordId, std::string> organisationContactEmails(Poco::Data::Session& session) {
  std::vector<Poco::Int64> ids;
  std::vector<std::string> emails;
  session << "SELECT id, contact_email FROM organisations WHERE contact_email <> '' ORDER BY id",
      into(ids), into(emails), now;
  std::map<sdk::RecordId, std::string> out;
  for (std::size_t i = 0; i < ids.size(); ++i) out[ids[i]] = emails[i];
  return out;
}

std::string organisationContactEmail(Poco::Data::Session& session, sdk::RecordId org_id) {
  std::vector<std::string> emails;
  session << "SELECT contact_email FROM organisations WHERE id = $1",
      bind(static_cast<Poco::Int64>(org_id)), into(emails), now;
  return emails.empty() ? std::string() : emails.front();
}

void setOrganisationContactEmail(Poco::Data::Session& session, sdk::RecordId org_id,
                                 const std::string& email, const Actor& actor) {
  Transaction tx(session);
  const std::string before = organisationContactEmail(session, org_id);
  if (before == email) return;
  session << "UPDATE organisations SET contact_email = $1 WHERE id = $2", bind(email),
      bind(static_cast<Poco::Int64>(org_id)), now;
  AuditLog(session).append(actor, "update", "organisation", org_id, emailJson(before),
                           emailJson(email));
  tx.commit();
}

}  // namespace beacon::store
