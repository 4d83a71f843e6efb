// SqliteDialect: the embedded default. A session turns on WAL (files only), foreign keys, the
// busy timeout (busy_timeout.h) and synchronous=NORMAL; a write transaction is BEGIN IMMEDIATE
// and a read transaction BEGIN DEFERRED (transaction.h says why); migrations need no lock of
// their own (each step's BEGIN IMMEDIATE already serialises them).
// A bulk load (store::BulkLoad, the ledger import) gets a page cache of kBulkLoadCacheKib instead
// of SQLite's default 2 MB, and its own size back afterwards. Six indexes on drills take random
// keys (organisation, date, type), so with the default cache the import's dirty pages spill to
// the WAL inside its transaction (sqlite3PcacheFetchStress, most of the time in system calls)
// and its per-row cost grows with the table. bench/README.md ("bench_import --sizes") has the
// figures the size was chosen by. A load into an empty table drops the indexes instead
// (dropIndexesForLoad) and needs no such cache: kAppendLoadCacheKib while it appends,
// kIndexBuildCacheKib for the CREATE INDEX sorts, which keeps the import's peak memory bounded
// at any size (issue 13 §4). Its fast reads: bulk SELECTs stepped through the C API
// (sqlite_row_scan.h), the data version from sqlite3_total_changes64() and PRAGMA data_version,
// and NOT INDEXED for a table pass.
// Stateless; thread-safe.
#pragma once

#include "store/dialect.h"

namespace beacon::store {

class SqliteDialect : public Dialect {
 public:
  std::string connector() const override { return "sqlite"; }
  const char* caseInsensitiveLike() const override { return "LIKE"; }  // SQLite's LIKE folds ASCII
  Poco::Data::Session open(const DatabaseUri& uri) const override;
  void setUp(Poco::Data::Session& session, const DatabaseUri& uri) const override;
  bool inTransaction(Poco::Data::Session& session) const override;
  bool inWriteTransaction(Poco::Data::Session& session) const override;
  void begin(Poco::Data::Session& session, Transaction::Mode mode) const override;
  void commit(Poco::Data::Session& session) const override;
  bool savepointPerNestedScope() const override { return false; }
  bool batchIdsFromReturning() const override { return false; }
  const std::vector<Migration>& migrations() const override;
  void lockMigrations(Poco::Data::Session&) const override {}
  void unlockMigrations(Poco::Data::Session&) const override {}
  void scan(Poco::Data::Session& session, const std::string& sql,
            const std::vector<std::string>& params, const RowCallback& row) const override;
  std::optional<DataVersion> dataVersion(Poco::Data::Session& session) const override;
  std::optional<std::string> unindexedTable(const std::string& table) const override;
  bool hasTable(Poco::Data::Session& session, const std::string& name) const override;

  void beginBulkLoad(Poco::Data::Session& session) const override;
  void endBulkLoad(Poco::Data::Session& session) const override;
  // The indexes' own CREATE statements from sqlite_master (DDL is transactional: a load that
  // rolls back gets them back unchanged). Readers in WAL mode keep their snapshot meanwhile.
  std::vector<std::string> dropIndexesForLoad(Poco::Data::Session& session, const std::string& table) const override;
  void buildIndexesAfterLoad(Poco::Data::Session& session,
                             const std::vector<std::string>& statements) const override;

  // The page cache of a bulk load, in KiB (PRAGMA cache_size=-N); an upper bound, filled only
  // as pages are used.
  static constexpr int kBulkLoadCacheKib = 128 * 1024;
  // Into an empty table with its indexes dropped (dropIndexesForLoad) the rows only append to
  // the table's B-tree, so the big cache buys nothing; CREATE INDEX's sorter keeps up to the
  // cache's size in memory before it merges runs from temporary files. 1M drills
  // (bench_import --mode import), CPU s / peak RSS: 128+128 MiB 14.7 s / 222 MB; 16+32 MiB
  // 13.4 s / 88 MB; 8+16 MiB 13.2 s / 54 MB; SQLite's 2 MB for both 13.8 s / 28 MB.
  static constexpr int kAppendLoadCacheKib = 8 * 1024;
  static constexpr int kIndexBuildCacheKib = 16 * 1024;
};

}  // namespace beacon::store
