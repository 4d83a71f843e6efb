// SqliteDialect: the embedded default. A session turns on WAL (files only), foreign keys, the
// busy timeout (busy_timeout.h) and synchronous=NORMAL; a write transaction is BEGIN IMMEDIATE
// and a read transaction BEGIN DEFERRED (transaction.h says why); migrations need no lock of
// their own (each step's BEGIN IMMEDIATE already serialises them). Its fast reads: bulk SELECTs
// stepped through the C API (sqlite_row_scan.h), the data version from
// sqlite3_total_changes64() and PRAGMA data_version, and NOT INDEXED for a table pass.
// Stateless; thread-safe.
#pragma once

#include "store/dialect.h"

namespace beacon::store {

class SqliteDialect : public Dialect {
 public:
  std::string connector() const override { return "sqlite"; }
  Poco::Data::Session open(const DatabaseUri& uri) const override;
  void setUp(Poco::Data::Session& session, const DatabaseUri& uri) const override;
  bool inTransaction(Poco::Data::Session& session) const override;
  bool inWriteTransaction(Poco::Data::Session& session) const override;
  void begin(Poco::Data::Session& session, Transaction::Mode mode) const override;
  void commit(Poco::Data::Session& session) const override;
  const std::vector<Migration>& migrations() const override;
  void lockMigrations(Poco::Data::Session&) const override {}
  void unlockMigrations(Poco::Data::Session&) const override {}
  void scan(Poco::Data::Session& session, const std::string& sql,
            const std::vector<std::string>& params, const RowCallback& row) const override;
  std::optional<DataVersion> dataVersion(Poco::Data::Session& session) const override;
  std::optional<std::string> unindexedTable(const std::string& table) const override;
  bool hasTable(Poco::Data::Session& session, const std::string& name) const override;
};

}  // namespace beacon::store
