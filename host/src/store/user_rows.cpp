#include "store/user_rows.h"

#include "store/row.h"
#include "store/row_scanner.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

sdk::RecordId UserRows::insert(const UserRow& row) {
  Poco::Int64 id = 0;
  session_
      << "INSERT INTO users(username, display_name, role, org_id, password_hash, salt, iterations,"
         " disabled, created_at) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      bind(row.username), bind(row.display_name), bind(row.role), bind(nullableId(row.org_id)),
      bind(row.password_hash), bind(row.salt), bind(row.iterations), bind(row.disabled ? 1 : 0),
      bind(row.created_at), into(id), now;
  return id;
}

std::vector<UserRow> UserRows::select(const std::string& where, const std::string& arg) {
  std::vector<UserRow> out;
  RowScanner(session_).scan(
      "SELECT id, username, display_name, role, org_id, password_hash, salt, iterations, disabled,"
      " created_at, credentials_generation FROM users " +
          where + " ORDER BY username",
      where.empty() ? std::vector<std::string>{} : std::vector<std::string>{arg},
      [&](const ScannedRow& r) {
        UserRow u;
        u.id = r.int64(0);
        u.username = r.text(1);
        u.display_name = r.text(2);
        u.role = r.text(3);
        u.org_id = r.int64(4);
        u.password_hash = r.text(5);
        u.salt = r.text(6);
        u.iterations = r.integer(7);
        u.disabled = r.int64(8) != 0;
        u.created_at = r.text(9);
        u.credentials_generation = r.integer(10);
        out.push_back(std::move(u));
      });
  return out;
}

std::optional<UserRow> UserRows::findByUsername(const std::string& username) {
  if (username.empty()) return std::nullopt;
  auto v = select("WHERE username = $1", username);
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::optional<UserRow> UserRows::findById(sdk::RecordId id) {
  auto v = select("WHERE id = $1", std::to_string(id));
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::vector<UserRow> UserRows::list() { return select("", ""); }

void UserRows::setPassword(sdk::RecordId id, const std::string& password_hash,
                           const std::string& salt, int iterations) {
  session_ << "UPDATE users SET password_hash = $1, salt = $2, iterations = $3,"
              " credentials_generation = credentials_generation + 1 WHERE id = $4",
      bind(password_hash), bind(salt), bind(iterations), bind(static_cast<Poco::Int64>(id)), now;
}

void UserRows::setRole(sdk::RecordId id, const std::string& role, sdk::RecordId org_id) {
  session_ << "UPDATE users SET role = $1, org_id = $2, credentials_generation = "
              "credentials_generation + 1"
              " WHERE id = $3",
      bind(role), bind(nullableId(org_id)), bind(static_cast<Poco::Int64>(id)), now;
}

void UserRows::setDisabled(sdk::RecordId id, bool disabled) {
  session_ << "UPDATE users SET disabled = $1 WHERE id = $2", bind(disabled ? 1 : 0),
      bind(static_cast<Poco::Int64>(id)), now;
}

int UserRows::count() {
  int n = 0;
  session_ << "SELECT COUNT(*) FROM users", into(n), now;
  return n;
}

}  // namespace beacon::store
