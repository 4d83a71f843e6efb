#include "store/sqlite_dialect.h"

#include <mutex>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <sqlite3.h>

#include "store/busy_timeout.h"
#include "store/sqlite_row_scan.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

Poco::Data::Session SqliteDialect::open(const DatabaseUri& uri) const {
  static std::once_flag flag;
  std::call_once(flag, [] { Poco::Data::SQLite::Connector::registerConnector(); });
  return Poco::Data::Session("SQLite", uri.path, 30);
}

void SqliteDialect::setUp(Poco::Data::Session& s, const DatabaseUri& uri) const {
  const int busy_ms = busyTimeoutMs();
  if (uri.path != ":memory:") s << "PRAGMA journal_mode=WAL", now;
  s << "PRAGMA foreign_keys=ON", now;
  s << "PRAGMA busy_timeout=" + std::to_string(busy_ms), now;
  s << "PRAGMA synchronous=NORMAL", now;
}

// SQLite's autocommit mode is off inside BEGIN ... COMMIT.
bool SqliteDialect::inTransaction(Poco::Data::Session& session) const {
  return sqlite3_get_autocommit(Poco::Data::SQLite::Utility::dbHandle(session)) == 0;
}

// The open transaction already holds the write lock.
bool SqliteDialect::inWriteTransaction(Poco::Data::Session& session) const {
  return sqlite3_txn_state(Poco::Data::SQLite::Utility::dbHandle(session), "main") ==
         SQLITE_TXN_WRITE;
}

void SqliteDialect::begin(Poco::Data::Session& session, Transaction::Mode mode) const {
  session << (mode == Transaction::Mode::Write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED"), now;
}

void SqliteDialect::commit(Poco::Data::Session& session) const { session << "COMMIT", now; }

// SQLite's own default (-2000: 2,000 KiB) is what every other session keeps.
void SqliteDialect::beginBulkLoad(Poco::Data::Session& session) const {
  session << "PRAGMA cache_size=-" + std::to_string(kBulkLoadCacheKib), now;
}

// Shrinking the cache frees the pages beyond the new size.
void SqliteDialect::endBulkLoad(Poco::Data::Session& session) const { session << "PRAGMA cache_size=-2000", now; }

std::vector<std::string> SqliteDialect::dropIndexesForLoad(Poco::Data::Session& session,
                                                           const std::string& table) const {
  // sql IS NULL: the automatic indexes of UNIQUE and PRIMARY KEY constraints, which stay.
  std::vector<std::string> names, statements;
  session << "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $1 AND sql IS NOT NULL"
             " ORDER BY name",
      bind(table), into(names), into(statements), now;
  for (const auto& name : names) session << "DROP INDEX \"" + name + "\"", now;
  if (!names.empty()) session << "PRAGMA cache_size=-" + std::to_string(kAppendLoadCacheKib), now;
  return statements;
}

void SqliteDialect::buildIndexesAfterLoad(Poco::Data::Session& session,
                                          const std::vector<std::string>& statements) const {
  session << "PRAGMA cache_size=-" + std::to_string(kIndexBuildCacheKib), now;
  for (const auto& statement : statements) session << statement, now;
}

const std::vector<Migration>& SqliteDialect::migrations() const { return store::migrations(); }

void SqliteDialect::scan(Poco::Data::Session& session, const std::string& sql,
                         const std::vector<std::string>& params, const RowCallback& row) const {
  sqliteRowScan(session, sql, params, row);
}

std::optional<DataVersion> SqliteDialect::dataVersion(Poco::Data::Session& session) const {
  Poco::Int64 version = 0;
  session << "PRAGMA data_version", into(version), now;
  return DataVersion{sqlite3_total_changes64(Poco::Data::SQLite::Utility::dbHandle(session)),
                     version};
}

std::optional<std::string> SqliteDialect::unindexedTable(const std::string& table) const {
  return table + " NOT INDEXED";
}

bool SqliteDialect::hasTable(Poco::Data::Session& session, const std::string& name) const {
  int n = 0;
  session << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $1", bind(name),
      into(n), now;
  return n == 1;
}

}  // namespace beacon::store
