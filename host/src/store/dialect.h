// Dialect: what differs between the databases the store runs on (SQLite, the embedded default,
// and PostgreSQL, the server database): the Poco::Data connector, how a session is set up,
// how a transaction begins and ends, and the migration list (each backend has its own, with the
// same versions, tables and columns, so both report the same schemaVersion()), and the
// backend's own ways to read fast: how a bulk SELECT is stepped (RowScanner), the token that
// says the data is unchanged (DataVersion), a table read without its indexes. Database picks
// the dialect from its DatabaseUri; Transaction finds it from the Session's connector name.
// Stateless singletons; thread-safe (each call follows its Session, which is not).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "store/data_version.h"
#include "store/database_uri.h"
#include "store/migrations.h"
#include "store/row_copy.h"
#include "store/row_scanner.h"
#include "store/transaction.h"

namespace beacon::store {

class Dialect {
 public:
  virtual ~Dialect() = default;

  // The Poco::Data connector name ("sqlite", "postgresql").
  virtual std::string connector() const = 0;
  // The operator matching a LIKE pattern with ASCII letters in either case, so a column is
  // compared as stored (no LOWER() per row: a search over 1M drills 0.50 → 0.20 s CPU on SQLite).
  virtual const char* caseInsensitiveLike() const = 0;
  // Opens a session on `uri` (registers the connector once per process).
  virtual Poco::Data::Session open(const DatabaseUri& uri) const = 0;
  // Runs once on each new session, before anything else (PRAGMAs, settings, checks).
  virtual void setUp(Poco::Data::Session& session, const DatabaseUri& uri) const = 0;

  // Whether the session is inside BEGIN ... COMMIT.
  virtual bool inTransaction(Poco::Data::Session& session) const = 0;
  // Whether the open transaction may write (a write scope may join it).
  virtual bool inWriteTransaction(Poco::Data::Session& session) const = 0;
  virtual void begin(Poco::Data::Session& session, Transaction::Mode mode) const = 0;
  // Commits the open transaction; throws (and leaves it to the rollback) when it cannot.
  virtual void commit(Poco::Data::Session& session) const = 0;
  // Whether a scope that joins the open transaction runs inside a SAVEPOINT (Transaction). On
  // PostgreSQL a failed statement aborts the whole transaction, so a nested scope that failed
  // must roll back to its savepoint for the outer one to go on; SQLite undoes only the statement.
  virtual bool savepointPerNestedScope() const = 0;
  // How a batch insert learns its rows' ids. SQLite: the rows of one batch get consecutive ids
  // after MAX(id) (one writer, INTEGER PRIMARY KEY), read back by one SELECT after the insert,
  // which keeps the per-row step loop free of result rows. PostgreSQL: RETURNING id (identity
  // values come from a sequence and need not follow MAX(id)).
  virtual bool batchIdsFromReturning() const = 0;

  virtual const std::vector<Migration>& migrations() const = 0;
  // Held around Database::migrateTo so processes starting together apply each step once.
  virtual void lockMigrations(Poco::Data::Session& session) const = 0;
  virtual void unlockMigrations(Poco::Data::Session& session) const = 0;

  // Around a load of many rows in one transaction (store::BulkLoad): settings that make the
  // session fit it, and taking them back. Nothing by default.
  virtual void beginBulkLoad(Poco::Data::Session&) const {}
  virtual void endBulkLoad(Poco::Data::Session&) const {}
  // Before a bulk load into `table` while it is empty (store::DeferredIndexes): drops the table's
  // secondary indexes and returns the statements that build them again, to run before the load
  // commits. None by default (PostgreSQL: DROP INDEX would hold the table's ACCESS EXCLUSIVE lock
  // until commit, so every reader of the table would wait for the whole load).
  virtual std::vector<std::string> dropIndexesForLoad(Poco::Data::Session&, const std::string& /*table*/) const {
    return {};
  }
  // Runs the statements dropIndexesForLoad returned, before the load commits.
  virtual void buildIndexesAfterLoad(Poco::Data::Session& session,
                                     const std::vector<std::string>& statements) const;
  // A stream of rows into `table(columns)` (store/row_copy.h), or nullptr where a prepared
  // statement's step loop is the fast path (the default; SQLite).
  virtual std::unique_ptr<RowCopy> copyRows(Poco::Data::Session&, const std::string& /*table*/,
                                            const std::vector<std::string>& /*columns*/) const {
    return nullptr;
  }
  // Runs one read-only SELECT (text parameters, $1..$n) and hands each row to `row`
  // (RowScanner). Throws Poco::Data::DataException when the database refuses it.
  virtual void scan(Poco::Data::Session& session, const std::string& sql,
                    const std::vector<std::string>& params, const RowCallback& row) const = 0;
  // The session's DataVersion now, or nullopt when the backend has no such token.
  virtual std::optional<DataVersion> dataVersion(Poco::Data::Session& session) const = 0;
  // `table` as a FROM item read by one pass over the table, not through an index; nullopt when
  // the dialect has no such hint (the planner chooses).
  virtual std::optional<std::string> unindexedTable(const std::string& table) const = 0;
  // Whether the database has the table `name` (in the session's schema).
  virtual bool hasTable(Poco::Data::Session& session, const std::string& name) const = 0;
};

const Dialect& dialectFor(DatabaseUri::Backend backend);
// The dialect of an open session, by its connector. Throws Poco::NotImplementedException for
// a connector Beacon does not use.
const Dialect& dialectOf(Poco::Data::Session& session);

}  // namespace beacon::store
