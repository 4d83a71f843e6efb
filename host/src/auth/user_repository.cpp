#include "auth/user_repository.h"

#include "store/record_json.h"
#include "store/row.h"
#include "store/transaction.h"
#include "store/user_rows.h"

namespace beacon::auth {

namespace {

User fromRow(store::UserRow row) {
  User u;
  u.id = row.id;
  u.username = std::move(row.username);
  u.display_name = std::move(row.display_name);
  // An unknown stored role gets the least privilege.
  u.role = parseRole(row.role).value_or(Role::Viewer);
  u.org_id = row.org_id;
  u.password.hash_hex = std::move(row.password_hash);
  u.password.salt_hex = std::move(row.salt);
  u.password.iterations = row.iterations;
  u.disabled = row.disabled;
  u.created_at = std::move(row.created_at);
  u.credentials_generation = row.credentials_generation;
  return u;
}

std::optional<User> fromRow(std::optional<store::UserRow> row) {
  if (!row) return std::nullopt;
  return fromRow(std::move(*row));
}

}  // namespace

sdk::RecordId UserRepository::add(User& user, const store::Actor& actor) {
  store::Transaction tx(session_);
  user.created_at = store::isoTimestampNow();
  store::UserRow row;
  row.username = user.username;
  row.display_name = user.display_name;
  row.role = toId(user.role);
  row.org_id = user.org_id;
  row.password_hash = user.password.hash_hex;
  row.salt = user.password.salt_hex;
  row.iterations = user.password.iterations;
  row.disabled = user.disabled;
  row.created_at = user.created_at;
  user.id = store::UserRows(session_).insert(row);
  audit_.append(actor, "create", "user", user.id, "", store::stringify(toJson(user)));
  tx.commit();
  return user.id;
}

std::optional<User> UserRepository::findByUsername(const std::string& username) {
  return fromRow(store::UserRows(session_).findByUsername(username));
}

std::optional<User> UserRepository::findById(sdk::RecordId id) {
  return fromRow(store::UserRows(session_).findById(id));
}

std::vector<User> UserRepository::list() {
  std::vector<User> out;
  for (auto& row : store::UserRows(session_).list()) out.push_back(fromRow(std::move(row)));
  return out;
}

bool UserRepository::setPassword(sdk::RecordId id, const PasswordHash& hash,
                                 const store::Actor& actor) {
  store::Transaction tx(session_);
  auto before = findById(id);
  if (!before) return false;
  store::UserRows(session_).setPassword(id, hash.hash_hex, hash.salt_hex, hash.iterations);
  audit_.append(actor, "set_password", "user", id, store::stringify(toJson(*before)),
                store::stringify(toJson(*before)));
  tx.commit();
  return true;
}

bool UserRepository::setDisabled(sdk::RecordId id, bool disabled, const store::Actor& actor) {
  store::Transaction tx(session_);
  auto before = findById(id);
  if (!before) return false;
  store::UserRows(session_).setDisabled(id, disabled);
  User after = *before;
  after.disabled = disabled;
  audit_.append(actor, disabled ? "disable" : "enable", "user", id,
                store::stringify(toJson(*before)), store::stringify(toJson(after)));
  tx.commit();
  return true;
}

bool UserRepository::setRole(sdk::RecordId id, Role role, sdk::RecordId org_id,
                             const store::Actor& actor) {
  store::Transaction tx(session_);
  auto before = findById(id);
  if (!before) return false;
  store::UserRows(session_).setRole(id, toId(role), org_id);
  User after = *before;
  after.role = role;
  after.org_id = org_id;
  audit_.append(actor, "set_role", "user", id, store::stringify(toJson(*before)),
                store::stringify(toJson(after)));
  tx.commit();
  return true;
}

int UserRepository::count() { return store::UserRows(session_).count(); }

}  // namespace beacon::auth
