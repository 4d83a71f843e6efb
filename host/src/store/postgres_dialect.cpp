#include "store/postgres_dialect.h"

#include <mutex>

#include <Poco/Data/DataException.h>
#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/PostgreSQL/SessionImpl.h>
#include <Poco/Exception.h>
#include <Poco/Nullable.h>

#include "store/busy_timeout.h"
#include "store/postgres_copy.h"
#include "store/postgres_migrations.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {

namespace {

// The advisory lock keys: Beacon's class ("BEAC" and "BEAD") and the schema's hash, so two
// Beacon installations in different schemas of one database do not wait for each other.
constexpr const char* kMigrationLock = "1111834947, hashtext(current_schema())";
constexpr const char* kWriterLock = "1111834948, hashtext(current_schema())";

PGTransactionStatusType transactionStatus(Poco::Data::Session& session) {
  auto* impl = static_cast<Poco::Data::PostgreSQL::SessionImpl*>(session.impl());
  return PQtransactionStatus(impl->handle());
}

}  // namespace

Poco::Data::Session PostgresDialect::open(const DatabaseUri& uri) const {
  static std::once_flag flag;
  std::call_once(flag, [] { Poco::Data::PostgreSQL::Connector::registerConnector(); });
  return Poco::Data::Session(Poco::Data::PostgreSQL::Connector::KEY, uri.connectionString(), 30);
}

void PostgresDialect::setUp(Poco::Data::Session& s, const DatabaseUri& uri) const {
  Poco::Nullable<std::string> current;
  s << "SELECT current_schema()", into(current), now;
  if (current.isNull()) {
    const std::string name = uri.schema.empty() ? std::string("the search_path") : uri.schema;
    throw Poco::Data::DataException("schema " + name + " does not exist (CREATE SCHEMA it first)");
  }
  s << "SET lock_timeout = " + std::to_string(busyTimeoutMs()), now;
  // libpq prints the server's NOTICEs (CREATE ... IF NOT EXISTS skipping, DROP ... CASCADE) on
  // standard error, where they would mix with the CLI's output; warnings and errors still come.
  s << "SET client_min_messages = warning", now;
}

bool PostgresDialect::inTransaction(Poco::Data::Session& session) const {
  return transactionStatus(session) != PQTRANS_IDLE;
}

bool PostgresDialect::inWriteTransaction(Poco::Data::Session& session) const {
  std::string read_only;
  session << "SELECT current_setting('transaction_read_only')", into(read_only), now;
  return read_only == "off";
}

void PostgresDialect::begin(Poco::Data::Session& session, Transaction::Mode mode) const {
  if (mode == Transaction::Mode::Read) {
    session << "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", now;
    return;
  }
  session << "BEGIN ISOLATION LEVEL READ COMMITTED", now;
  try {
    session << std::string("SELECT pg_advisory_xact_lock(") + kWriterLock + ")", now;
  } catch (...) {
    // The lock timed out (another writer held it past lock_timeout): no Transaction owns this
    // BEGIN, so end it here, or the connection's next request finds "current transaction is
    // aborted" (StorageFailureTest on PostgreSQL).
    session << "ROLLBACK", now;
    throw;
  }
}

void PostgresDialect::commit(Poco::Data::Session& session) const {
  if (transactionStatus(session) == PQTRANS_INERROR) {
    throw Poco::Data::DataException(
        "the transaction was aborted by an earlier error and is rolled back, not committed");
  }
  session << "COMMIT", now;
}

const std::vector<Migration>& PostgresDialect::migrations() const { return postgresMigrations(); }

void PostgresDialect::lockMigrations(Poco::Data::Session& session) const {
  session << std::string("SELECT pg_advisory_lock(") + kMigrationLock + ")", now;
}

void PostgresDialect::unlockMigrations(Poco::Data::Session& session) const {
  session << std::string("SELECT pg_advisory_unlock(") + kMigrationLock + ")", now;
}

void PostgresDialect::scan(Poco::Data::Session& session, const std::string& sql,
                           const std::vector<std::string>& params, const RowCallback& row) const {
  scanRecordSet(session, sql, params, row);
}

std::optional<DataVersion> PostgresDialect::dataVersion(Poco::Data::Session& session) const {
  Poco::Int64 committed = 0;
  Poco::Nullable<Poco::Int64> own_transaction;
  session << "SELECT n, txid_current_if_assigned() FROM data_changes WHERE id = 1", into(committed),
      into(own_transaction), now;
  // A transaction that has written moved n once, at its first write; its later writes do not.
  if (!own_transaction.isNull()) return std::nullopt;
  return DataVersion{committed, 0};
}

std::optional<std::string> PostgresDialect::unindexedTable(const std::string&) const {
  return std::nullopt;
}

bool PostgresDialect::hasTable(Poco::Data::Session& session, const std::string& name) const {
  Poco::Int64 n = 0;
  session << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
             "current_schema() AND table_name = $1",
      bind(name), into(n), now;
  return n == 1;
}

std::unique_ptr<RowCopy> PostgresDialect::copyRows(Poco::Data::Session& session, const std::string& table,
                                                   const std::vector<std::string>& columns) const {
  return std::make_unique<PostgresCopy>(session, table, columns);
}

}  // namespace beacon::store
