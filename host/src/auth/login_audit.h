// LoginAudit: writes logins, failed logins, the start of a login throttle
// and logouts to the audit log (entity "login", entity id the user's, 0 for
// an unknown username), each with the username tried, the client address
// and the way in (form, api); never a password. A username that is not a
// valid username (it may be a password typed in the wrong box) is recorded
// as "(invalid)". Attempts refused while throttled are not written one by
// one (the access log has them), so guessing cannot flood the table. Each
// entry is its own transaction. Not thread-safe (follows its Session).
#pragma once

#include <chrono>
#include <string>

#include <Poco/Data/Session.h>

#include "auth/login_rate_limiter.h"
#include "beacon/sdk/records.h"

namespace beacon::auth {

class LoginAudit {
 public:
  LoginAudit(Poco::Data::Session& session, std::string via)
      : session_(session), via_(std::move(via)) {}
  void loggedIn(sdk::RecordId user_id, const std::string& username, const std::string& address);
  void failed(sdk::RecordId user_id, const std::string& username, const std::string& address);
  void throttled(sdk::RecordId user_id, const std::string& username, const std::string& address,
                 const Throttle& throttle);
  void loggedOut(sdk::RecordId user_id, const std::string& username, const std::string& address);

 private:
  void write(const std::string& actor, const std::string& action, sdk::RecordId user_id,
             const std::string& username, const std::string& address, const Throttle* throttle);
  Poco::Data::Session& session_;
  const std::string via_;
};

}  // namespace beacon::auth
