// WebSessionRepository: the rows of the web_sessions table (migration 25),
// one per open login session of the web app, shared by every server process
// on the database. A row is keyed by the SHA-256 of the session id (the
// cookie value is never stored) and holds its CSRF token, user, client
// address, the user's credentials generation at login and its login and
// last-use times (milliseconds since the Unix epoch). The named statements
// only: expiry rules are auth::SessionStore's. Not thread-safe (follows its
// Session).
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include <Poco/Data/Session.h>
#include <Poco/Types.h>

#include "beacon/sdk/records.h"

namespace beacon::store {

struct WebSessionRow {
  std::string id_hash;  // sha256Hex of the session id
  std::string csrf_token;
  sdk::RecordId user_id = 0;
  std::string username;
  std::string ip;
  int credentials_generation = 0;
  Poco::Int64 created_ms = 0;
  Poco::Int64 last_seen_ms = 0;
};

class WebSessionRepository {
 public:
  explicit WebSessionRepository(Poco::Data::Session& session) : session_(session) {}
  void add(const WebSessionRow& row);
  std::optional<WebSessionRow> find(const std::string& id_hash);
  void touch(const std::string& id_hash, Poco::Int64 last_seen_ms);
  void remove(const std::string& id_hash);
  // Removes every session of `user_id`; returns how many.
  std::size_t removeForUser(sdk::RecordId user_id);
  // Removes the sessions last used at or before `idle_cutoff_ms` or opened at
  // or before `absolute_cutoff_ms`; returns how many.
  std::size_t removeExpired(Poco::Int64 idle_cutoff_ms, Poco::Int64 absolute_cutoff_ms);
  std::size_t count();

 private:
  Poco::Data::Session& session_;
};

}  // namespace beacon::store
