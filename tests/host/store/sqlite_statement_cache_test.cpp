// SqliteStatementCache on its own SQLite connections: a statement given back is handed out again
// (not compiled again), a nested lease of an SQL in use gets a statement of its own, the least
// recently used statement goes once kCapacity are kept, a lease starts with no bindings, a kept
// statement gives the new schema's answer after ALTER TABLE and after a migration on another
// connection, and closing the connection finalizes its cache (sqlite3_close, which refuses a
// connection with statements left, returns SQLITE_OK; a Poco session's close drops the cache).
// RowScanner's use of it: a repeated scan compiles once; a scan inside a scan of the same SQL.
#include "store/sqlite_statement_cache.h"

#include <sqlite3.h>

#include <functional>

#include <gtest/gtest.h>

#include <Poco/Data/DataException.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include "store/database.h"
#include "store/row_scanner.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {
namespace {

class SqliteStatementCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
    exec("INSERT INTO t(id, name) VALUES (1, 'one'), (2, 'two')");
  }
  void TearDown() override {
    if (db_) {
      EXPECT_EQ(sqlite3_close(db_), SQLITE_OK) << sqlite3_errmsg(db_);
    }
  }
  void exec(const char* sql) {
    ASSERT_EQ(sqlite3_exec(db_, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db_);
  }
  // The text of every row's columns, "|"-separated, rows ";"-separated.
  static std::string rows(sqlite3_stmt* stmt) {
    std::string out;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
        out += (c ? "|" : "") + std::string(text ? text : "NULL");
      }
      out += ";";
    }
    return out;
  }
  static int runs(sqlite3_stmt* stmt) {
    return sqlite3_stmt_status(stmt, SQLITE_STMTSTATUS_RUN, 0);
  }

  sqlite3* db_ = nullptr;
};

TEST_F(SqliteStatementCacheTest, AStatementGivenBackIsHandedOutAgainNotCompiledAgain) {
  auto& cache = SqliteStatementCache::of(db_);
  sqlite3_stmt* first = nullptr;
  {
    auto lease = cache.lease("SELECT name FROM t ORDER BY id");
    first = lease.get();
    EXPECT_EQ(rows(lease.get()), "one;two;");
  }
  {
    auto lease = cache.lease("SELECT name FROM t ORDER BY id");
    EXPECT_EQ(lease.get(), first);
    EXPECT_EQ(rows(lease.get()), "one;two;") << "handed out reset: it reads from the first row";
    EXPECT_EQ(runs(lease.get()), 2);
  }
  EXPECT_EQ(cache.compiled(), 1u);
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(&SqliteStatementCache::of(db_), &cache);
}

TEST_F(SqliteStatementCacheTest, ANestedLeaseOfTheSameSqlGetsItsOwnStatement) {
  auto& cache = SqliteStatementCache::of(db_);
  const std::string sql = "SELECT name FROM t WHERE id >= $1 ORDER BY id";
  auto outer = cache.lease(sql);
  sqlite3_bind_int(outer.get(), 1, 1);
  ASSERT_EQ(sqlite3_step(outer.get()), SQLITE_ROW);
  {
    auto inner = cache.lease(sql);
    EXPECT_NE(inner.get(), outer.get());
    sqlite3_bind_int(inner.get(), 1, 2);
    EXPECT_EQ(rows(inner.get()), "two;");
  }
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(outer.get(), 0)), "one")
      << "the inner lease left the outer statement where it was";
  ASSERT_EQ(sqlite3_step(outer.get()), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(outer.get(), 0)), "two");
  EXPECT_EQ(cache.compiled(), 2u);
  EXPECT_EQ(cache.size(), 1u) << "the nested statement is not kept";
}

TEST_F(SqliteStatementCacheTest, TheLeastRecentlyUsedStatementGoesAtTheBound) {
  auto& cache = SqliteStatementCache::of(db_);
  auto sql = [](std::size_t i) { return "SELECT " + std::to_string(i) + " FROM t"; };
  for (std::size_t i = 0; i < SqliteStatementCache::kCapacity; ++i) cache.lease(sql(i));
  EXPECT_EQ(cache.size(), SqliteStatementCache::kCapacity);
  cache.lease(sql(0));  // now the most recently used; 1 is the least
  cache.lease(sql(SqliteStatementCache::kCapacity));
  EXPECT_EQ(cache.size(), SqliteStatementCache::kCapacity);
  const auto compiled = cache.compiled();
  cache.lease(sql(0));
  EXPECT_EQ(cache.compiled(), compiled) << "kept: it was used after statement 1";
  cache.lease(sql(1));
  EXPECT_EQ(cache.compiled(), compiled + 1) << "statement 1 was evicted, so compiled again";
  int statements = 0;
  for (sqlite3_stmt* s = sqlite3_next_stmt(db_, nullptr); s; s = sqlite3_next_stmt(db_, s))
    ++statements;
  EXPECT_EQ(statements, static_cast<int>(SqliteStatementCache::kCapacity))
      << "an evicted statement is finalized";
}

TEST_F(SqliteStatementCacheTest, AStatementInUseIsNotEvicted) {
  auto& cache = SqliteStatementCache::of(db_);
  const std::string sql = "SELECT name FROM t ORDER BY id";
  {
    auto held = cache.lease(sql);
    for (std::size_t i = 0; i < SqliteStatementCache::kCapacity + 3; ++i)
      cache.lease("SELECT " + std::to_string(i) + " FROM t");
    EXPECT_EQ(cache.size(), SqliteStatementCache::kCapacity);
    EXPECT_EQ(rows(held.get()), "one;two;");
  }
  const auto compiled = cache.compiled();
  cache.lease(sql);
  EXPECT_EQ(cache.compiled(), compiled) << "the least recently used, but in use: kept";
}

TEST_F(SqliteStatementCacheTest, ALeaseStartsWithNoBindings) {
  auto& cache = SqliteStatementCache::of(db_);
  const std::string sql = "SELECT name FROM t WHERE id = $1";
  {
    auto lease = cache.lease(sql);
    sqlite3_bind_int(lease.get(), 1, 2);
    EXPECT_EQ(rows(lease.get()), "two;");
  }
  auto lease = cache.lease(sql);
  EXPECT_EQ(rows(lease.get()), "") << "$1 is NULL again, which matches no id";
  EXPECT_EQ(cache.compiled(), 1u);
}

TEST_F(SqliteStatementCacheTest, AKeptStatementReadsTheNewSchemaAfterAlterTable) {
  auto& cache = SqliteStatementCache::of(db_);
  sqlite3_stmt* kept = nullptr;
  {
    auto lease = cache.lease("SELECT * FROM t ORDER BY id");
    kept = lease.get();
    EXPECT_EQ(rows(lease.get()), "1|one;2|two;");
  }
  exec("ALTER TABLE t ADD COLUMN kind TEXT NOT NULL DEFAULT 'k'");
  exec("UPDATE t SET kind = 'v' WHERE id = 2");
  auto lease = cache.lease("SELECT * FROM t ORDER BY id");
  EXPECT_EQ(lease.get(), kept);
  EXPECT_EQ(rows(lease.get()), "1|one|k;2|two|v;") << "SQLite compiled it again for the new schema";
  EXPECT_EQ(cache.compiled(), 1u);
}

// A migration applied by another connection (another server process) changes the schema under a
// connection's kept statements.
TEST(SqliteStatementCacheSchema, AKeptStatementReadsTheNewSchemaAfterAnotherConnectionsMigration) {
  Poco::TemporaryFile dir;
  Poco::File(dir.path()).createDirectories();
  const std::string path = Poco::Path(dir.path()).append("schema.db").toString();
  Database reader(path);
  Database migrator(path);
  migrator.session() << "CREATE TABLE m (id INTEGER PRIMARY KEY, name TEXT)", now;
  migrator.session() << "INSERT INTO m(id, name) VALUES (1, 'a')", now;
  auto read = [&] {
    std::string out;
    RowScanner(reader.session()).scan("SELECT * FROM m", {}, [&](const ScannedRow& r) {
      out += r.text(0) + "|" + r.text(1) + "|" + r.text(2) + ";";
    });
    return out;
  };
  EXPECT_EQ(read(), "1|a|;");
  migrator.session() << "ALTER TABLE m RENAME COLUMN name TO title", now;
  migrator.session() << "ALTER TABLE m ADD COLUMN n INTEGER NOT NULL DEFAULT 7", now;
  EXPECT_EQ(read(), "1|a|7;");
  const auto* cache =
      SqliteStatementCache::find(Poco::Data::SQLite::Utility::dbHandle(reader.session()));
  ASSERT_NE(cache, nullptr);
  EXPECT_EQ(cache->compiled(), 1u);
}

TEST_F(SqliteStatementCacheTest, ClosingTheConnectionFinalizesItsCache) {
  {
    auto& cache = SqliteStatementCache::of(db_);
    for (int i = 0; i < 5; ++i) cache.lease("SELECT " + std::to_string(i) + " FROM t");
  }
  ASSERT_NE(sqlite3_next_stmt(db_, nullptr), nullptr) << "the cache keeps its statements";
  EXPECT_EQ(sqlite3_close(db_), SQLITE_OK) << sqlite3_errmsg(db_);
  EXPECT_EQ(SqliteStatementCache::find(db_), nullptr);
  db_ = nullptr;
}

TEST(SqliteStatementCacheSession, ClosingAPocoSessionDropsItsCache) {
  Database db(":memory:");
  RowScanner(db.session()).scan("SELECT 1", {}, [](const ScannedRow&) {});
  sqlite3* handle = Poco::Data::SQLite::Utility::dbHandle(db.session());
  ASSERT_NE(SqliteStatementCache::find(handle), nullptr);
  db.session().close();
  EXPECT_EQ(SqliteStatementCache::find(handle), nullptr);
}

TEST_F(SqliteStatementCacheTest, AStatementThatCannotCompileThrowsAndIsNotKept) {
  auto& cache = SqliteStatementCache::of(db_);
  EXPECT_THROW(cache.lease("SELECT nothing FROM no_such_table"), Poco::Data::DataException);
  EXPECT_EQ(cache.size(), 0u);
}

TEST(SqliteStatementCacheScanner, ARepeatedScanCompilesOnceAndAScanMayNestTheSameSql) {
  Database db(":memory:");
  db.session() << "CREATE TABLE t (id INTEGER PRIMARY KEY, parent INTEGER)", now;
  db.session() << "INSERT INTO t(id, parent) VALUES (1, 0), (2, 1), (3, 1), (4, 2)", now;
  const std::string children = "SELECT id FROM t WHERE parent = $1 ORDER BY id";
  std::string seen;
  std::function<void(const std::string&)> walk = [&](const std::string& parent) {
    RowScanner(db.session()).scan(children, {parent}, [&](const ScannedRow& r) {
      seen += r.text(0) + ";";
      walk(r.text(0));
    });
  };
  walk("0");
  EXPECT_EQ(seen, "1;2;4;3;");
  const auto* cache =
      SqliteStatementCache::find(Poco::Data::SQLite::Utility::dbHandle(db.session()));
  ASSERT_NE(cache, nullptr);
  const auto compiled = cache->compiled();
  seen.clear();
  walk("0");
  EXPECT_EQ(seen, "1;2;4;3;");
  EXPECT_EQ(cache->compiled(), compiled + 4)
      << "the outermost scan's statement is kept; each of the 4 scans inside it compiles its own";
}

}  // namespace
}  // namespace beacon::store
