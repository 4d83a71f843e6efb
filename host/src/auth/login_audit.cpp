#include "auth/login_audit.h"

#include "auth/user.h"
#include "store/audit_log.h"
#include "store/record_json.h"
#include "store/transaction.h"
#include "store/write_stamp.h"

namespace beacon::auth {

namespace {
const char* const kAnonymous = "(anonymous)";
}

void LoginAudit::write(const std::string& actor, const std::string& action, sdk::RecordId user_id,
                       const std::string& username, const std::string& address,
                       const Throttle* throttle) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("username", isValidUsername(username) ? username : std::string("(invalid)"));
  o->set("address", address);
  o->set("via", via_);
  if (throttle) {
    o->set("limit", toId(throttle->limit));
    o->set("retry_after_s", static_cast<Poco::Int64>(throttle->retry_after.count()));
  }
  store::Transaction tx(session_);
  tx.stampAs(store::kBookkeepingSubject, 0);  // no cached answer shows it
  store::AuditLog(session_).append(store::Actor{actor}, action, "login", user_id, "",
                                   store::stringify(o));
  tx.commit();
}

void LoginAudit::loggedIn(sdk::RecordId user_id, const std::string& username,
                          const std::string& address) {
  write(username, "login", user_id, username, address, nullptr);
}

void LoginAudit::failed(sdk::RecordId user_id, const std::string& username,
                        const std::string& address) {
  write(kAnonymous, "login_failed", user_id, username, address, nullptr);
}

void LoginAudit::throttled(sdk::RecordId user_id, const std::string& username,
                           const std::string& address, const Throttle& throttle) {
  write(kAnonymous, "login_throttled", user_id, username, address, &throttle);
}

void LoginAudit::loggedOut(sdk::RecordId user_id, const std::string& username,
                           const std::string& address) {
  write(username, "logout", user_id, username, address, nullptr);
}

}  // namespace beacon::auth
