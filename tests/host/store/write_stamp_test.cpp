// Write stamps (store/write_stamp.h) on a migrated database, on the backend TestDatabase picks:
// each committed write transaction leaves exactly one, "*" unless the scope that owns it said
// what it wrote; a transaction that wrote nothing, a read transaction and a rolled-back one
// leave none; a nested scope cannot narrow the outer transaction's stamp; the feed reads them in
// order after a position; and a schema without the table (before migration 35) still commits.
#include <gtest/gtest.h>

#include "store/database.h"
#include "store/transaction.h"
#include "store/write_stamp.h"
#include "support/scratch_tree.h"
#include "support/test_database.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {
namespace {

class WriteStampTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = test_db_.open();
    db_->migrate();
    db_->session() << "CREATE TABLE scratch_rows (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)", now;
    start_ = WriteStampFeed(db_->session()).bounds().second;
  }
  std::vector<WriteStamp> stamps() { return WriteStampFeed(db_->session()).after(start_, 100); }
  void insertRow(int id) {
    db_->session() << "INSERT INTO scratch_rows(id, n) VALUES($1, 0)", bind(id), now;
  }

  testing::ScratchTree tree_{"write-stamp"};
  testing::TestDatabase test_db_{tree_.dir("store.db")};
  std::unique_ptr<Database> db_;
  Poco::Int64 start_ = 0;
};

TEST_F(WriteStampTest, AWriteTransactionLeavesOneStampForAllItsRows) {
  {
    Transaction tx(db_->session());
    insertRow(1);
    insertRow(2);
    {
      Transaction nested(db_->session());
      insertRow(3);
      nested.commit();
    }
    tx.commit();
  }
  const auto s = stamps();
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].subject, kAnySubject);
  EXPECT_EQ(s[0].org_id, 0);
}

TEST_F(WriteStampTest, NothingWrittenReadOrRolledBackLeavesNoStamp) {
  {
    Transaction tx(db_->session());
    int n = 0;
    db_->session() << "SELECT COUNT(*) FROM scratch_rows", into(n), now;
    tx.commit();
  }
  {
    Transaction read(db_->session(), Transaction::Mode::Read);
    read.commit();
  }
  {
    Transaction rolled_back(db_->session());
    insertRow(1);
  }
  EXPECT_TRUE(stamps().empty());
}

TEST_F(WriteStampTest, TheOwningScopeNarrowsTheStampANestedOneCannot) {
  {
    Transaction tx(db_->session());
    insertRow(1);
    tx.stampAs(kDrillsSubject, 42);
    tx.commit();
  }
  {
    Transaction outer(db_->session());
    insertRow(2);
    {
      Transaction nested(db_->session());
      insertRow(3);
      nested.stampAs(kDrillsSubject, 43);  // cannot speak for the outer scope's row 2
      nested.commit();
    }
    outer.commit();
  }
  const auto s = stamps();
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].subject, kDrillsSubject);
  EXPECT_EQ(s[0].org_id, 42);
  EXPECT_EQ(s[1].subject, kAnySubject);
  EXPECT_LT(s[0].seq, s[1].seq);
  EXPECT_EQ(WriteStampFeed(db_->session()).after(s[0].seq, 100).size(), 1u);
  EXPECT_EQ(WriteStampFeed(db_->session()).bounds().second, s[1].seq);
}

TEST(WriteStampSchemaTest, ASchemaWithoutTheTableStillCommits) {
  testing::ScratchTree tree{"write-stamp-old"};
  testing::TestDatabase test_db{tree.dir("store.db")};
  auto db = test_db.open();
  db->migrateTo(34);
  db->session() << "CREATE TABLE scratch_rows (id INTEGER PRIMARY KEY)", now;
  {
    Transaction tx(db->session());
    db->session() << "INSERT INTO scratch_rows(id) VALUES(1)", now;
    tx.commit();
  }
  int n = 0;
  db->session() << "SELECT COUNT(*) FROM scratch_rows", into(n), now;
  EXPECT_EQ(n, 1);
}

}  // namespace
}  // namespace beacon::store
