// AccountService: the one place accounts are validated and written, whatever
// the entry path (CLI, admin pages): username format and uniqueness, role,
// organisation (required for org_staff and village_staff, looked up by code),
// password strength, then hashing and storing with the audit entry. Errors
// name the field (username, role, org, password, display_name) and nothing
// is written. Not thread-safe (follows its Database).
#pragma once

#include <string>

#include "auth/password_hasher.h"
#include "auth/user.h"
#include "beacon/sdk/status.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace beacon::auth {

struct NewAccount {
  std::string username;
  std::string display_name;
  std::string role;      // role id or label
  std::string org_code;  // organisation code; empty for none
  std::string password;
};

class AccountService {
 public:
  AccountService(store::Database& db, const PasswordHasher& hasher) : db_(db), hasher_(hasher) {}
  sdk::Result<User> create(const NewAccount& account, const store::Actor& actor);
  sdk::Status changePassword(const std::string& username, const std::string& password,
                             const store::Actor& actor);
  sdk::Status setDisabled(const std::string& username, bool disabled, const store::Actor& actor);
  // Fails naming "username" when there is no such account.
  sdk::Result<User> find(const std::string& username);

 private:
  store::Database& db_;
  const PasswordHasher& hasher_;
};

}  // namespace beacon::auth
