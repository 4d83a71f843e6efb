// ApiToken: a bearer token a script uses instead of a session, tied to one
// user and carrying that user's role, limited by its scope (read or write)
// and, optionally, an expiry. The secret ("bcn_" + 64 hex digits)
// is shown once at creation; only its SHA-256 is stored, with a short hint
// (its first characters) so a user can tell tokens apart. Plain value;
// thread-safe.
#pragma once

#include <string>

#include "auth/token_scope.h"
#include "beacon/sdk/records.h"

namespace beacon::auth {

struct ApiToken {
  sdk::RecordId id = 0;
  sdk::RecordId user_id = 0;
  std::string hint;   // "bcn_1a2b3c4d"
  std::string label;  // what the token is for, e.g. "nightly export"
  std::string created_at;
  std::string revoked_at;  // empty while valid
  TokenScope scope = TokenScope::Write;
  std::string expires_at;  // ISO timestamp (UTC) from which it no longer works; empty: never

  bool revoked() const { return !revoked_at.empty(); }
  // Whether it has expired at `now_iso` (an ISO timestamp in the same format).
  bool expiredAt(const std::string& now_iso) const {
    return !expires_at.empty() && expires_at <= now_iso;
  }
};

inline constexpr const char* kApiTokenPrefix = "bcn_";

}  // namespace beacon::auth
