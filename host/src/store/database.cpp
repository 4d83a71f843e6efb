#include "store/database.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>
#include <Poco/Timestamp.h>

#include "store/dialect.h"
#include "store/migrations.h"
#include "store/transaction.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

namespace {
DatabaseUri parsed(const std::string& text) {
  auto uri = DatabaseUri::parse(text, true);
  if (!uri.isOk()) throw Poco::InvalidArgumentException(uri.status().describe());
  return uri.value();
}

// Holds the dialect's migration lock for a scope.
class MigrationLock {
 public:
  MigrationLock(const Dialect& dialect, Poco::Data::Session& session)
      : dialect_(dialect), session_(session) {
    dialect_.lockMigrations(session_);
  }
  ~MigrationLock() {
    try {
      dialect_.unlockMigrations(session_);
    } catch (...) {
    }
  }
  MigrationLock(const MigrationLock&) = delete;
  MigrationLock& operator=(const MigrationLock&) = delete;

 private:
  const Dialect& dialect_;
  Poco::Data::Session& session_;
};
}  // namespace

Database::Database(const std::string& uri) : Database(parsed(uri)) {}

Database::Database(const DatabaseUri& uri)
    : uri_(uri),
      dialect_(dialectFor(uri.backend)),
      path_(uri.postgres() ? uri.display() : uri.path) {
  session_ = std::make_unique<Poco::Data::Session>(dialect_.open(uri_));
  dialect_.setUp(*session_, uri_);
  MigrationLock lock(dialect_, *session_);
  *session_ << "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at "
               "TEXT NOT NULL)",
      now;
}

int Database::schemaVersion() {
  int v = 0;
  *session_ << "SELECT COALESCE(MAX(version), 0) FROM schema_version", into(v), now;
  return v;
}

int Database::migrate() { return migrateTo(dialect_.migrations().back().version); }

int Database::migrateTo(int target) {
  MigrationLock lock(dialect_, *session_);
  int applied = 0;
  const int current = schemaVersion();
  for (const auto& m : dialect_.migrations()) {
    if (m.version <= current || m.version > target) continue;
    Transaction tx(*session_);
    for (const auto& sql : m.statements) *session_ << sql, now;
    if (m.after) m.after(*session_);
    *session_ << "INSERT INTO schema_version(version, applied_at) VALUES($1, $2)", bind(m.version),
        bind(Poco::DateTimeFormatter::format(Poco::Timestamp(),
                                             Poco::DateTimeFormat::ISO8601_FORMAT)),
        now;
    tx.commit();
    ++applied;
  }
  return applied;
}

}  // namespace beacon::store
