#include "store/api_token_repository.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "store/row.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

sdk::RecordId ApiTokenRepository::add(const ApiTokenRow& t, const std::string& token_hash) {
  Poco::Int64 id = 0;
  session_
      << "INSERT INTO api_tokens(user_id, token_hash, hint, label, created_at, scope, expires_at)"
         " VALUES($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      bind(static_cast<Poco::Int64>(t.user_id)), bind(token_hash), bind(t.hint), bind(t.label),
      bind(t.created_at), bind(t.scope), bind(t.expires_at), into(id), now;
  return id;
}

std::optional<LiveApiToken> ApiTokenRepository::findLive(const std::string& token_hash,
                                                         const std::string& now_iso) {
  std::vector<Poco::Int64> user_ids;
  std::vector<std::string> scopes;
  session_ << "SELECT user_id, scope FROM api_tokens WHERE token_hash = $1 AND revoked_at = ''"
              " AND (expires_at = '' OR expires_at > $2)",
      bind(token_hash), bind(now_iso), into(user_ids), into(scopes), now;
  if (user_ids.size() != 1) return std::nullopt;
  return LiveApiToken{user_ids.front(), scopes.front()};
}

std::vector<ApiTokenRow> ApiTokenRepository::select(const std::string& where, sdk::RecordId arg) {
  Poco::Data::Statement st(session_);
  st << "SELECT id, user_id, hint, label, created_at, revoked_at, scope, expires_at FROM "
        "api_tokens " +
            where + " ORDER BY id",
      bind(static_cast<Poco::Int64>(arg));
  st.execute();
  Poco::Data::RecordSet rs(st);
  std::vector<ApiTokenRow> out;
  for (std::size_t i = 0; i < rs.rowCount(); ++i) {
    Row r(rs, i);
    out.push_back(
        {r.int64(0), r.int64(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7)});
  }
  return out;
}

std::vector<ApiTokenRow> ApiTokenRepository::listForUser(sdk::RecordId user_id) {
  return select("WHERE user_id = $1", user_id);
}

std::optional<ApiTokenRow> ApiTokenRepository::findById(sdk::RecordId id) {
  auto v = select("WHERE id = $1", id);
  if (v.empty()) return std::nullopt;
  return v.front();
}

void ApiTokenRepository::setRevokedAt(sdk::RecordId id, const std::string& revoked_at) {
  session_ << "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2", bind(revoked_at),
      bind(static_cast<Poco::Int64>(id)), now;
}

}  // namespace beacon::store
