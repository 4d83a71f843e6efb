// ApiTokenStore: creates, verifies, lists and revokes API tokens, kept in
// the api_tokens table (migration 3, store::ApiTokenRepository). Tokens are
// 32 random bytes; the table holds their SHA-256, so a copy of the database
// does not yield usable tokens. Verification accepts only an unrevoked,
// unexpired token of an enabled user, and grants the token's scope
// (migration 12). Creation and revocation are audited without the secret.
// Not thread-safe (follows its Session).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "auth/api_token.h"
#include "auth/token_grant.h"
#include "auth/user.h"
#include "store/audit_log.h"

namespace beacon::auth {

struct TokenOptions {
  TokenScope scope = TokenScope::Write;  // what tokens could always do; the CLI asks for a scope
  std::string expires_at;                // ISO timestamp (UTC); empty: never expires
};

struct CreatedToken {
  ApiToken token;
  std::string secret;  // shown once, never stored
};

class ApiTokenStore {
 public:
  explicit ApiTokenStore(Poco::Data::Session& session) : session_(session), audit_(session) {}
  CreatedToken create(const User& user, const std::string& label, const store::Actor& actor,
                      const TokenOptions& options = {});
  // The token's user and scope, or nullopt for a malformed, unknown, revoked
  // or expired token or a disabled user. A successful answer is cached for
  // ApiTokenCache::kTtl (2 s): a revocation by this process applies at once,
  // one by another process or a change to the user within that time.
  std::optional<TokenGrant> authenticate(const std::string& secret);
  // authenticate()'s user.
  std::optional<User> verify(const std::string& secret);
  std::vector<ApiToken> list(sdk::RecordId user_id);
  std::optional<ApiToken> findById(sdk::RecordId id);
  // False when there is no such token or it was already revoked.
  bool revoke(sdk::RecordId id, const store::Actor& actor);
  // Revokes every live token of a user; returns how many.
  int revokeAll(sdk::RecordId user_id, const store::Actor& actor);

 private:
  Poco::Data::Session& session_;
  store::AuditLog audit_;
};

}  // namespace beacon::auth
