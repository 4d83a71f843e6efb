// PostgresDialect: PostgreSQL 15 through Poco::Data::PostgreSQL (libpq reads the password from
// PGPASSWORD or ~/.pgpass). A session checks that its schema exists and sets lock_timeout to the
// busy timeout (busy_timeout.h), so a busy database waits as long as on SQLite and then fails.
//
// Transactions. A write transaction is BEGIN ISOLATION LEVEL READ COMMITTED followed by a
// transaction-level advisory lock per schema (pg_advisory_xact_lock), so write transactions run
// one at a time, as SQLite's BEGIN IMMEDIATE makes them: today's repositories read and then
// write on that assumption (a plan's next version number from MAX(number) + 1 in
// PlanRepository::addVersion, the rule_changes feed in commit order); that lock, not a row
// lock, is what makes version numbering safe across nodes (PostgresVersionNumberingTest).
// Batch inserts read their ids from RETURNING (batchIdsFromReturning). Readers never wait for
// the lock. When the remaining read-then-write statements take row locks (SELECT ... FOR
// UPDATE), the lock can go and writers run side by side under READ COMMITTED; SERIALIZABLE
// would instead need every write path to retry serialization failures.
// A read transaction is BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY: one snapshot for
// several reads, as SQLite's deferred BEGIN. A statement that fails aborts a PostgreSQL
// transaction (SQLite only undoes the statement): commit() then throws instead of letting
// COMMIT turn silently into ROLLBACK, and a Transaction scope nested in another is a SAVEPOINT,
// so a caller that catches a nested scope's failure (an import reporting a bad row and reading
// on) rolls back to it and goes on instead of failing with "current transaction is aborted".
//
// Migrations run under a session-level advisory lock per schema (pg_advisory_lock), so two
// processes starting together apply each step once; the other waits and finds nothing to do.
// Reads: bulk SELECTs through Poco::Data's RecordSet (scanRecordSet) and no index hints. The
// data version is data_changes.n (migration 28: one more per committed write transaction on the
// schema, from any node; store/postgres_change_watch.h), one one-row SELECT, read in the caller's
// snapshot, so a result kept under it is reused until any node commits a write; nullopt inside a
// transaction that has itself written (n moved at its first write only, not at the later ones).
// Stateless; thread-safe.
#pragma once

#include "store/dialect.h"

namespace beacon::store {

class PostgresDialect : public Dialect {
 public:
  std::string connector() const override { return "postgresql"; }
  const char* caseInsensitiveLike() const override { return "ILIKE"; }
  Poco::Data::Session open(const DatabaseUri& uri) const override;
  void setUp(Poco::Data::Session& session, const DatabaseUri& uri) const override;
  bool inTransaction(Poco::Data::Session& session) const override;
  bool inWriteTransaction(Poco::Data::Session& session) const override;
  void begin(Poco::Data::Session& session, Transaction::Mode mode) const override;
  void commit(Poco::Data::Session& session) const override;
  bool savepointPerNestedScope() const override { return true; }
  bool batchIdsFromReturning() const override { return true; }
  const std::vector<Migration>& migrations() const override;
  void lockMigrations(Poco::Data::Session& session) const override;
  void unlockMigrations(Poco::Data::Session& session) const override;
  void scan(Poco::Data::Session& session, const std::string& sql,
            const std::vector<std::string>& params, const RowCallback& row) const override;
  std::optional<DataVersion> dataVersion(Poco::Data::Session& session) const override;
  std::optional<std::string> unindexedTable(const std::string& table) const override;
  bool hasTable(Poco::Data::Session& session, const std::string& name) const override;
  // COPY ... FROM STDIN (store/postgres_copy.h).
  std::unique_ptr<RowCopy> copyRows(Poco::Data::Session& session, const std::string& table,
                                    const std::vector<std::string>& columns) const override;
};

}  // namespace beacon::store
