// AccountService: the one place accounts are validated and written, whatever
// the entry path (CLI, admin pages): username format and uniqueness, role,
// organisation (required for org_staff and village_staff, looked up by code),
// password strength, then hashing and storing with the audit entry; a
// password change also ends the user's sessions and, by default, tokens. Errors
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

// What a password change does to the user's API tokens.
enum class TokenPolicy { Revoke, Keep };

struct PasswordChange {
  int tokens_revoked = 0;  // 0 with TokenPolicy::Keep
};

class AccountService {
 public:
  AccountService(store::Database& db, const PasswordHasher& hasher) : db_(db), hasher_(hasher) {}
  sdk::Result<User> create(const NewAccount& account, const store::Actor& actor);
  // Sets a new password (a change or an administrator's reset). Every
  // session of the user opened before ends at its next request, in every
  // server process (the credentials generation rises); the user's live API
  // tokens are revoked unless `tokens` is Keep. One transaction.
  sdk::Result<PasswordChange> changePassword(const std::string& username,
                                             const std::string& password, const store::Actor& actor,
                                             TokenPolicy tokens = TokenPolicy::Revoke);
  sdk::Status setDisabled(const std::string& username, bool disabled, const store::Actor& actor);
  // Gives the user another role and organisation (`org_code` empty: none), checked as create
  // checks them (errors name "role" or "org"), and ends every session of the user. One
  // transaction; the audit entry (set_role) holds the account before and after.
  sdk::Result<User> changeRole(const std::string& username, const std::string& role,
                               const std::string& org_code, const store::Actor& actor);
  // Fails naming "username" when there is no such account.
  sdk::Result<User> find(const std::string& username);

 private:
  store::Database& db_;
  const PasswordHasher& hasher_;
};

}  // namespace beacon::auth
