#include "store/database.h"

#include <mutex>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

#include "store/busy_timeout.h"
#include "store/migrations.h"
#include "store/transaction.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

namespace {
void registerConnectorOnce() {
  static std::once_flag flag;
  std::call_once(flag, [] { Poco::Data::SQLite::Connector::registerConnector(); });
}
}  // namespace

Database::Database(const std::string& path) : path_(path) {
  registerConnectorOnce();
  const int busy_ms = busyTimeoutMs();
  session_ = std::make_unique<Poco::Data::Session>("SQLite", path, 30);
  Poco::Data::Session& s = *session_;
  if (path != ":memory:") s << "PRAGMA journal_mode=WAL", now;
  s << "PRAGMA foreign_keys=ON", now;
  s << "PRAGMA busy_timeout=" + std::to_string(busy_ms), now;
  s << "PRAGMA synchronous=NORMAL", now;
  s << "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)",
      now;
}

int Database::schemaVersion() {
  int v = 0;
  *session_ << "SELECT COALESCE(MAX(version), 0) FROM schema_version", into(v), now;
  return v;
}

int Database::migrate() { return migrateTo(latestSchemaVersion()); }

int Database::migrateTo(int target) {
  int applied = 0;
  const int current = schemaVersion();
  for (const auto& m : migrations()) {
    if (m.version <= current || m.version > target) continue;
    Transaction tx(*session_);
    for (const auto& sql : m.statements) *session_ << sql, now;
    if (m.after) m.after(*session_);
    *session_ << "INSERT INTO schema_version(version, applied_at) VALUES($1, $2)", bind(m.version),
        bind(Poco::DateTimeFormatter::format(Poco::Timestamp(), Poco::DateTimeFormat::ISO8601_FORMAT)),
        now;
    tx.commit();
    ++applied;
  }
  return applied;
}

}  // namespace beacon::store
