#include "auth/api_token_store.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "auth/api_token_cache.h"
#include "auth/secure_random.h"
#include "auth/sha256.h"
#include "store/record_json.h"
#include "store/row.h"
#include "store/transaction.h"
#include "store/user_repository.h"

using namespace Poco::Data::Keywords;

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
  Poco::Int64 id = 0;
  session_
      << "INSERT INTO api_tokens(user_id, token_hash, hint, label, created_at, scope, expires_at)"
         " VALUES($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      bind(static_cast<Poco::Int64>(user.id)), bind(sha256Hex(out.secret)), bind(out.token.hint),
      bind(label), bind(out.token.created_at), bind(std::string(toId(options.scope))),
      bind(options.expires_at), into(id), now;
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
  std::vector<Poco::Int64> user_ids;
  std::vector<std::string> scopes;
  session_ << "SELECT user_id, scope FROM api_tokens WHERE token_hash = $1 AND revoked_at = ''"
              " AND (expires_at = '' OR expires_at > $2)",
      bind(hash), bind(store::isoTimestampNow()), into(user_ids), into(scopes), now;
  if (user_ids.size() != 1) return std::nullopt;
  auto user = store::UserRepository(session_).findById(user_ids.front());
  if (!user || user->disabled) return std::nullopt;
  // An unknown stored scope gets the least privilege.
  TokenGrant grant{std::move(*user), parseTokenScope(scopes.front()).value_or(TokenScope::Read)};
  cache.put(key, grant, generation);
  return grant;
}

std::vector<ApiToken> ApiTokenStore::select(const std::string& where, Poco::Int64 arg) {
  Poco::Data::Statement st(session_);
  st << "SELECT id, user_id, hint, label, created_at, revoked_at, scope, expires_at FROM "
        "api_tokens " +
            where + " ORDER BY id",
      bind(arg);
  st.execute();
  Poco::Data::RecordSet rs(st);
  std::vector<ApiToken> out;
  for (std::size_t i = 0; i < rs.rowCount(); ++i) {
    store::Row r(rs, i);
    out.push_back({r.int64(0), r.int64(1), r.text(2), r.text(3), r.text(4), r.text(5),
                   parseTokenScope(r.text(6)).value_or(TokenScope::Read), r.text(7)});
  }
  return out;
}

std::vector<ApiToken> ApiTokenStore::list(sdk::RecordId user_id) { return select("WHERE user_id = $1", user_id); }

std::optional<ApiToken> ApiTokenStore::findById(sdk::RecordId id) {
  auto v = select("WHERE id = $1", id);
  if (v.empty()) return std::nullopt;
  return v.front();
}

bool ApiTokenStore::revoke(sdk::RecordId id, const store::Actor& actor) {
  store::Transaction tx(session_);
  auto before = findById(id);
  if (!before || before->revoked()) return false;
  ApiToken after = *before;
  after.revoked_at = store::isoTimestampNow();
  session_ << "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2", bind(after.revoked_at),
      bind(static_cast<Poco::Int64>(id)), now;
  auto user = store::UserRepository(session_).findById(before->user_id);
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
