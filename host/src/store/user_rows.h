// UserRows: the rows of the users table, one per account, with the role as its stable id and
// the password as its PBKDF2 hash, salt and iteration count. The named statements only: the
// account types, validation and auditing are auth::UserRepository's. Username uniqueness is
// enforced by the table (insert throws a Poco::Data exception on a duplicate). Not thread-safe
// (follows its Session).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "beacon/sdk/records.h"

namespace beacon::store {

struct UserRow {
  sdk::RecordId id = 0;
  std::string username;
  std::string display_name;
  std::string role;          // auth::Role id
  sdk::RecordId org_id = 0;  // 0: none (stored as NULL)
  std::string password_hash;
  std::string salt;
  int iterations = 0;
  bool disabled = false;
  std::string created_at;
  int credentials_generation = 0;
};

class UserRows {
 public:
  explicit UserRows(Poco::Data::Session& session) : session_(session) {}
  // Stores `row` (its id and credentials generation are ignored); returns the new id.
  sdk::RecordId insert(const UserRow& row);
  std::optional<UserRow> findByUsername(const std::string& username);
  std::optional<UserRow> findById(sdk::RecordId id);
  // Every row, ordered by username.
  std::vector<UserRow> list();
  // Each of these raises the credentials generation (ending the sessions opened before).
  void setPassword(sdk::RecordId id, const std::string& password_hash, const std::string& salt,
                   int iterations);
  void setRole(sdk::RecordId id, const std::string& role, sdk::RecordId org_id);
  void setDisabled(sdk::RecordId id, bool disabled);
  int count();

 private:
  std::vector<UserRow> select(const std::string& where, const std::string& arg);
  Poco::Data::Session& session_;
};

}  // namespace beacon::store
