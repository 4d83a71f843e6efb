// The dialect's read paths behind RowScanner, DataVersion and Dialect::hasTable, on the backend
// BEACON_TEST_DB_URI names (SQLite in memory when unset): every column type the rules read,
// NULLs as 0 / "" / an unset date, text parameters bound to $1..$n in order, errors as
// Poco::Data::DataException; a data version only where the backend has one (SQLite), changing
// when the connection writes.
#include "store/row_scanner.h"

#include <gtest/gtest.h>

#include <Poco/Data/DataException.h>

#include "store/data_version.h"
#include "store/dialect.h"
#include "support/test_database.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {
namespace {

class RowScannerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_->migrate();
    auto& s = db_->session();
    s << "CREATE TABLE scan_probe (id INTEGER NOT NULL, name TEXT, day TEXT, n INTEGER)", now;
    s << "INSERT INTO scan_probe(id, name, day, n) VALUES (1, '曲梁镇', '2023-05-10', 42)", now;
    s << "INSERT INTO scan_probe(id, name, day, n) VALUES (2, NULL, NULL, NULL)", now;
    s << "INSERT INTO scan_probe(id, name, day, n) VALUES (3, 'x', 'not a date', -7)", now;
  }

  beacon::testing::TestDatabase test_db_;
  std::unique_ptr<Database> db_ = test_db_.open();
};

TEST_F(RowScannerTest, ReadsEachColumnTypeAndNullsAsEmpty) {
  struct Seen {
    Poco::Int64 id;
    std::string name, view;
    sdk::Date day;
    int n;
  };
  std::vector<Seen> seen;
  RowScanner(db_->session())
      .scan("SELECT id, name, day, n FROM scan_probe ORDER BY id", {}, [&](const ScannedRow& r) {
        seen.push_back({r.int64(0), r.text(1), std::string(r.view(1)), r.date(2), r.integer(3)});
      });
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0].id, 1);
  EXPECT_EQ(seen[0].name, "曲梁镇");
  EXPECT_EQ(seen[0].view, "曲梁镇");
  EXPECT_EQ(seen[0].day, (sdk::Date{2023, 5, 10}));
  EXPECT_EQ(seen[0].n, 42);
  EXPECT_EQ(seen[1].name, "");
  EXPECT_FALSE(seen[1].day.isSet());
  EXPECT_EQ(seen[1].n, 0);
  EXPECT_FALSE(seen[2].day.isSet());
  EXPECT_EQ(seen[2].n, -7);
}

TEST_F(RowScannerTest, BindsTextParametersInOrder) {
  std::vector<Poco::Int64> ids;
  RowScanner(db_->session())
      .scan("SELECT id FROM scan_probe WHERE id >= $1 AND name = $2 ORDER BY id", {"1", "x"},
            [&](const ScannedRow& r) { ids.push_back(r.int64(0)); });
  EXPECT_EQ(ids, std::vector<Poco::Int64>{3});
}

TEST_F(RowScannerTest, AFailingStatementThrowsDataException) {
  EXPECT_THROW(RowScanner(db_->session()).scan("SELECT nothing FROM no_such_table", {},
                                               [](const ScannedRow&) {}),
               Poco::Data::DataException);
}

TEST_F(RowScannerTest, HasTableAsksTheSessionsSchema) {
  const Dialect& dialect = dialectOf(db_->session());
  EXPECT_TRUE(dialect.hasTable(db_->session(), "scan_probe"));
  EXPECT_TRUE(dialect.hasTable(db_->session(), "holiday_years"));
  EXPECT_FALSE(dialect.hasTable(db_->session(), "no_such_table"));
}

TEST_F(RowScannerTest, DataVersionOnlyWhereTheBackendHasOne) {
  const auto before = currentDataVersion(db_->session());
  if (test_db_.postgres()) {
    // The data_changes counter (migration 28), moved by triggers on Beacon's own tables (so not by
    // scan_probe); IncrementalEngineTest shows another connection's write moving it.
    ASSERT_TRUE(before.has_value());
    EXPECT_EQ(currentDataVersion(db_->session()), before);
    EXPECT_FALSE(dialectOf(db_->session()).unindexedTable("drills").has_value());
    return;
  }
  ASSERT_TRUE(before.has_value());
  EXPECT_EQ(currentDataVersion(db_->session()), before);
  db_->session() << "INSERT INTO scan_probe(id) VALUES (4)", now;
  EXPECT_NE(currentDataVersion(db_->session()), before);
  EXPECT_EQ(dialectOf(db_->session()).unindexedTable("drills"), std::string("drills NOT INDEXED"));
}

}  // namespace
}  // namespace beacon::store
