#include "store/user_repository.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "store/record_json.h"
#include "store/row.h"
#include "store/transaction.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

sdk::RecordId UserRepository::add(auth::User& user, const Actor& actor) {
  Transaction tx(session_);
  Poco::Int64 id = 0;
  user.created_at = isoTimestampNow();
  session_ << "INSERT INTO users(username, display_name, role, org_id, password_hash, salt, iterations,"
              " disabled, created_at) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      bind(user.username), bind(user.display_name), bind(std::string(auth::toId(user.role))),
      bind(nullableId(user.org_id)), bind(user.password.hash_hex), bind(user.password.salt_hex),
      bind(user.password.iterations), bind(user.disabled ? 1 : 0), bind(user.created_at), into(id), now;
  user.id = id;
  audit_.append(actor, "create", "user", id, "", stringify(auth::toJson(user)));
  tx.commit();
  return id;
}

std::vector<auth::User> UserRepository::select(const std::string& where, const std::string& arg) {
  Poco::Data::Statement st(session_);
  st << "SELECT id, username, display_name, role, org_id, password_hash, salt, iterations, "
        "disabled,"
        " created_at, credentials_generation FROM users " +
            where + " ORDER BY username";
  if (!where.empty()) st, bind(arg);
  st.execute();
  Poco::Data::RecordSet rs(st);
  std::vector<auth::User> out;
  out.reserve(rs.rowCount());
  for (std::size_t i = 0; i < rs.rowCount(); ++i) {
    Row r(rs, i);
    auth::User u;
    u.id = r.int64(0);
    u.username = r.text(1);
    u.display_name = r.text(2);
    // An unknown stored role gets the least privilege.
    u.role = auth::parseRole(r.text(3)).value_or(auth::Role::Viewer);
    u.org_id = r.int64(4);
    u.password.hash_hex = r.text(5);
    u.password.salt_hex = r.text(6);
    u.password.iterations = r.integer(7);
    u.disabled = r.boolean(8);
    u.created_at = r.text(9);
    u.credentials_generation = r.integer(10);
    out.push_back(std::move(u));
  }
  return out;
}

std::optional<auth::User> UserRepository::findByUsername(const std::string& username) {
  if (username.empty()) return std::nullopt;
  auto v = select("WHERE username = $1", username);
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::optional<auth::User> UserRepository::findById(sdk::RecordId id) {
  auto v = select("WHERE id = $1", std::to_string(id));
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::vector<auth::User> UserRepository::list() { return select("", ""); }

bool UserRepository::setPassword(sdk::RecordId id, const auth::PasswordHash& hash, const Actor& actor) {
  Transaction tx(session_);
  auto before = findById(id);
  if (!before) return false;
  session_ << "UPDATE users SET password_hash = $1, salt = $2, iterations = $3,"
              " credentials_generation = credentials_generation + 1 WHERE id = $4",
      bind(hash.hash_hex), bind(hash.salt_hex), bind(hash.iterations),
      bind(static_cast<Poco::Int64>(id)), now;
  audit_.append(actor, "set_password", "user", id, stringify(auth::toJson(*before)),
                stringify(auth::toJson(*before)));
  tx.commit();
  return true;
}

bool UserRepository::setDisabled(sdk::RecordId id, bool disabled, const Actor& actor) {
  Transaction tx(session_);
  auto before = findById(id);
  if (!before) return false;
  session_ << "UPDATE users SET disabled = $1 WHERE id = $2", bind(disabled ? 1 : 0),
      bind(static_cast<Poco::Int64>(id)), now;
  auth::User after = *before;
  after.disabled = disabled;
  audit_.append(actor, disabled ? "disable" : "enable", "user", id, stringify(auth::toJson(*before)),
                stringify(auth::toJson(after)));
  tx.commit();
  return true;
}

bool UserRepository::setRole(sdk::RecordId id, auth::Role role, sdk::RecordId org_id,
                             const Actor& actor) {
  Transaction tx(session_);
  auto before = findById(id);
  if (!before) return false;
  session_ << "UPDATE users SET role = $1, org_id = $2, credentials_generation = "
              "credentials_generation + 1"
              " WHERE id = $3",
      bind(std::string(auth::toId(role))), bind(nullableId(org_id)),
      bind(static_cast<Poco::Int64>(id)), now;
  auth::User after = *before;
  after.role = role;
  after.org_id = org_id;
  audit_.append(actor, "set_role", "user", id, stringify(auth::toJson(*before)),
                stringify(auth::toJson(after)));
  tx.commit();
  return true;
}

int UserRepository::count() {
  int n = 0;
  session_ << "SELECT COUNT(*) FROM users", into(n), now;
  return n;
}

}  // namespace beacon::store
