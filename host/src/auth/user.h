// User: one account: who (username, display name), what kind (Role), where
// (the organisation it works for; 0 for a city-wide administrator or
// viewer), its password hash, whether it is disabled and the generation of
// its credentials. Plain value;
// thread-safe. toJson never includes the hash or salt (audit log, API).
#pragma once

#include <string>

#include <Poco/JSON/Object.h>

#include "auth/password_hasher.h"
#include "auth/role.h"
#include "beacon/sdk/records.h"

namespace beacon::auth {

struct User {
  sdk::RecordId id = 0;
  std::string username;  // lowercase; see isValidUsername
  std::string display_name;
  Role role = Role::Viewer;
  sdk::RecordId org_id = 0;
  PasswordHash password;
  bool disabled = false;
  std::string created_at;  // ISO timestamp, set by the store
  // Raised by every password change or reset; a session opened under an
  // older value is over (see SessionStore, RequestDispatcher::authenticate).
  int credentials_generation = 0;
};

// 2 to 64 of a-z 0-9 . _ - @, starting with a letter or digit.
bool isValidUsername(const std::string& username);

Poco::JSON::Object::Ptr toJson(const User& user);

}  // namespace beacon::auth
