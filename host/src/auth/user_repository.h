// UserRepository: persistence of accounts (store::UserRows, the users table). Every write is
// one transaction with its audit entry; the audit entry never carries the password hash or
// salt. Username uniqueness is enforced by the table (add throws a Poco::Data exception on a
// duplicate; AccountService checks first and reports it by field). Not thread-safe (follows
// its Session).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "auth/user.h"
#include "store/audit_log.h"

namespace beacon::auth {

class UserRepository {
 public:
  explicit UserRepository(Poco::Data::Session& session) : session_(session), audit_(session) {}
  // Stores `user` (id and created_at are assigned). REQUIRES: validated input.
  sdk::RecordId add(User& user, const store::Actor& actor);
  std::optional<User> findByUsername(const std::string& username);
  std::optional<User> findById(sdk::RecordId id);
  // Every account, ordered by username.
  std::vector<User> list();
  // Stores a new password hash and raises the user's credentials generation,
  // which ends the sessions opened before (in every server process). False
  // when there is no such user.
  bool setPassword(sdk::RecordId id, const PasswordHash& hash, const store::Actor& actor);
  bool setDisabled(sdk::RecordId id, bool disabled, const store::Actor& actor);
  // Sets the user's role and organisation (0: none) and raises the credentials generation, so
  // the sessions opened under the old role end; audited as set_role with before and after.
  // False when there is no such user. REQUIRES: a validated role and organisation.
  bool setRole(sdk::RecordId id, Role role, sdk::RecordId org_id, const store::Actor& actor);
  int count();

 private:
  Poco::Data::Session& session_;
  store::AuditLog audit_;
};

}  // namespace beacon::auth
