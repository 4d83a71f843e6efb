// ChangeWatch: tells a reader whether the database may have changed since
// it last asked, so that answers computed from it (the web server's response
// cache) can be kept until then. "Changed" may be said when nothing changed
// (the cost is a recomputation); "unchanged" is said only when no connection,
// in this process or another, has committed since. How it knows is the
// dialect's business: SQLite's is SqliteChangeWatch (the WAL-index header,
// or each connection's data version), PostgreSQL's is PostgresChangeWatch
// (a commit counter every node polls). makeChangeWatch is the one place that
// picks it. Implementations are thread-safe.
#pragma once

#include <memory>

#include <Poco/Data/Session.h>

namespace beacon::store {

class Database;

class ChangeWatch {
 public:
  virtual ~ChangeWatch() = default;
  // True on the first call and whenever anything may have been committed
  // since the previous call (with the same connection, where the dialect can
  // only tell per connection). `connection` is the caller's open connection
  // to the database. Throws Poco::Exception when the database cannot be read.
  virtual bool changed(Poco::Data::Session& connection) = 0;
  // Whether the last changed() saw every connection's commits at once (the
  // fast path) rather than falling back to the caller's connection.
  virtual bool seesEveryConnection() = 0;
};

// The watch for the database `database` is connected to. REQUIRES: the watch
// is destroyed before the connections given to changed() are closed.
std::unique_ptr<ChangeWatch> makeChangeWatch(Database& database);

}  // namespace beacon::store
