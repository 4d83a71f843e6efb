#include "auth/api_token_store.h"

#include "auth/api_token_cache.h"
#include "auth/secure_random.h"
#include "auth/sha256.h"
#include "auth/user_repository.h"
#include "store/api_token_repository.h"
#include "store/record_json.h"
#include "store/row.h"
#include "store/transaction.h"

namespace beacon::auth {

namespace {
constexpr std::size_t kSecretBytes = 32;
constexpr std::size_t kHintDigits = 8;

std::string tokenJson(const ApiToken& t, const std::string& username) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("id", t.id);
  o->set("user_id", t.user_id);
  o->set("username", username);
  o->set("hint", t.hint);
  o->set("label", t.label);
  o->set("revoked_at", t.revoked_at);
  o->set("scope", toId(t.scope));
  o->set("expires_at", t.expires_at);
  return store::stringify(o);
}

store::ApiTokenRow toRow(const ApiToken& t) {
  store::ApiTokenRow row;
  row.id = t.id;
  row.user_id = t.user_id;
  row.hint = t.hint;
  row.label = t.label;
  row.created_at = t.created_at;
  row.revoked_at = t.revoked_at;
  row.scope = toId(t.scope);
  row.expires_at = t.expires_at;
  return row;
}

ApiToken fromRow(store::ApiTokenRow row) {
  ApiToken t;
  t.id = row.id;
  t.user_id = row.user_id;
  t.hint = std::move(row.hint);
  t.label = std::move(row.label);
  t.created_at = std::move(row.created_at);
  t.revoked_at = std::move(row.revoked_at);
  // An unknown stored scope gets the least privilege.
  t.scope = parseTokenScope(row.scope).value_or(TokenScope::Read);
  t.expires_at = std::move(row.expires_at);
  return t;
}
}  // namespace

CreatedToken ApiTokenStore::create(const User& user, const std::string& label,
                                   const store::Actor& actor, const TokenOptions& options) {
  CreatedToken out;
  out.secret = std::string(kApiTokenPrefix) + randomHex(kSecretBytes);
  out.token.user_id = user.id;
  out.token.hint = out.secret.substr(0, std::string(kApiTokenPrefix).size() + kHintDigits);
  out.token.label = label;
  out.token.created_at = store::isoTimestampNow();
  out.token.scope = options.scope;
  out.token.expires_at = options.expires_at;
  store::Transaction tx(session_);
  const sdk::RecordId id =
      store::ApiTokenRepository(session_).add(toRow(out.token), sha256Hex(out.secret));
  out.token.id = id;
  audit_.append(actor, "create", "api_token", id, "", tokenJson(out.token, user.username));
  tx.commit();
  return out;
}

std::optional<User> ApiTokenStore::verify(const std::string& secret) {
  auto grant = authenticate(secret);
  if (!grant) return std::nullopt;
  return grant->user;
}

std::optional<TokenGrant> ApiTokenStore::authenticate(const std::string& secret) {
  const std::string prefix = kApiTokenPrefix;
  if (secret.size() != prefix.size() + kSecretBytes * 2 || secret.compare(0, prefix.size(), prefix) != 0) {
    return std::nullopt;
  }
  const std::string hash = sha256Hex(secret);
  const std::string key = session_.uri() + '\n' + hash;
  ApiTokenCache& cache = ApiTokenCache::process();
  if (auto cached = cache.find(key)) return cached;
  const std::uint64_t generation = cache.generation();
  auto live = store::ApiTokenRepository(session_).findLive(hash, store::isoTimestampNow());
  if (!live) return std::nullopt;
  auto user = auth::UserRepository(session_).findById(live->user_id);
  if (!user || user->disabled) return std::nullopt;
  // An unknown stored scope gets the least privilege.
  TokenGrant grant{std::move(*user), parseTokenScope(live->scope).value_or(TokenScope::Read)};
  cache.put(key, grant, generation);
  return grant;
}

std::vector<ApiToken> ApiTokenStore::list(sdk::RecordId user_id) {
  std::vector<ApiToken> out;
  for (auto& row : store::ApiTokenRepository(session_).listForUser(user_id)) {
    out.push_back(fromRow(std::move(row)));
  }
  return out;
}

std::optional<ApiToken> ApiTokenStore::findById(sdk::RecordId id) {
  auto row = store::ApiTokenRepository(session_).findById(id);
  if (!row) return std::nullopt;
  return fromRow(std::move(*row));
}

bool ApiTokenStore::revoke(sdk::RecordId id, const store::Actor& actor) {
  store::Transaction tx(session_);
  auto before = findById(id);
  if (!before || before->revoked()) return false;
  ApiToken after = *before;
  after.revoked_at = store::isoTimestampNow();
  store::ApiTokenRepository(session_).setRevokedAt(id, after.revoked_at);
  auto user = auth::UserRepository(session_).findById(before->user_id);
  const std::string username = user ? user->username : "";
  audit_.append(actor, "revoke", "api_token", id, tokenJson(*before, username), tokenJson(after, username));
  tx.commit();
  ApiTokenCache::process().clear();
  return true;
}

int ApiTokenStore::revokeAll(sdk::RecordId user_id, const store::Actor& actor) {
  store::Transaction tx(session_);
  int n = 0;
  for (const auto& t : list(user_id)) {
    if (!t.revoked() && revoke(t.id, actor)) ++n;
  }
  tx.commit();
  ApiTokenCache::process().clear();
  return n;
}

}  // namespace beacon::auth
