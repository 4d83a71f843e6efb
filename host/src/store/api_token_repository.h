// ApiTokenRepository: the rows of the api_tokens table (migrations 3 and 12),
// one per API token, each holding the SHA-256 of its secret (never the
// secret) and its scope as text. The named statements only: the token type,
// making secrets, auditing and the token cache are auth::ApiTokenStore's. Not thread-safe
// (follows its Session).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"

namespace beacon::store {

struct ApiTokenRow {
  sdk::RecordId id = 0;
  sdk::RecordId user_id = 0;
  std::string hint;
  std::string label;
  std::string created_at;
  std::string revoked_at;  // empty while valid
  std::string scope;       // auth::TokenScope id
  std::string expires_at;  // empty: never
};

// Whom a live token belongs to, with its scope as stored ("read", "write").
struct LiveApiToken {
  sdk::RecordId user_id = 0;
  std::string scope;
};

class ApiTokenRepository {
 public:
  explicit ApiTokenRepository(Poco::Data::Session& session) : session_(session) {}
  // Stores `token` (its id is ignored) under `token_hash`; returns the new id.
  sdk::RecordId add(const ApiTokenRow& token, const std::string& token_hash);
  // The token with `token_hash` that is not revoked and has not expired at
  // `now_iso`; nullopt unless exactly one is.
  std::optional<LiveApiToken> findLive(const std::string& token_hash, const std::string& now_iso);
  // The user's tokens, revoked ones included, ordered by id.
  std::vector<ApiTokenRow> listForUser(sdk::RecordId user_id);
  std::optional<ApiTokenRow> findById(sdk::RecordId id);
  void setRevokedAt(sdk::RecordId id, const std::string& revoked_at);

 private:
  std::vector<ApiTokenRow> select(const std::string& where, sdk::RecordId arg);
  Poco::Data::Session& session_;
};

}  // namespace beacon::store
