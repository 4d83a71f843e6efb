// ConnectionChanges: tells whether the data one SQLite connection can see may
// have changed since it was last asked. Its token pairs
// sqlite3_total_changes64() (rows this connection inserted, updated or
// deleted) with PRAGMA data_version (bumped when any other connection, in
// this process or another, commits), as SqliteDialect::dataVersion does, but
// keeps the pragma prepared for the connection's lifetime, so asking costs one
// sqlite3_step (about a microsecond) instead of compiling a Poco statement.
// Other connectors have no token: changed() is then always true.
// Not thread-safe: follows its Database (one per worker thread); destroy it
// before the Session it watches.
#pragma once

#include <optional>
#include <utility>

#include <Poco/Data/Session.h>
#include <Poco/Types.h>

struct sqlite3;
struct sqlite3_stmt;

namespace beacon::store {

class ConnectionChanges {
 public:
  explicit ConnectionChanges(Poco::Data::Session& session);
  ~ConnectionChanges();
  ConnectionChanges(const ConnectionChanges&) = delete;
  ConnectionChanges& operator=(const ConnectionChanges&) = delete;

  // True on the first call, and whenever this connection has written or
  // another connection has committed since the previous call. Throws
  // Poco::Exception when SQLite fails to read the pragma.
  bool changed();

 private:
  using Token = std::pair<Poco::Int64, Poco::Int64>;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* data_version_ = nullptr;
  std::optional<Token> last_;
};

}  // namespace beacon::store
