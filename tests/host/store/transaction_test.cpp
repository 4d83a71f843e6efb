// Transaction against a real SQLite file with two connections: a write
// transaction that reads first and writes after another connection committed
// must wait for the write lock, not fail with "database is locked"; a read
// transaction never takes the write lock.
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>
#include <vector>

#include <Poco/Data/SQLite/SQLiteException.h>

#include "store/busy_timeout.h"
#include "store/database.h"
#include "store/storage_error.h"
#include "store/transaction.h"
#include "support/scratch_tree.h"
#include "support/test_database.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {
namespace {

class TransactionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Database db(path_);
    db.session() << "CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)", now;
    db.session() << "INSERT INTO counter(id, n) VALUES(1, 0)", now;
  }

  static int read(Database& db) {
    int n = -1;
    db.session() << "SELECT n FROM counter WHERE id = 1", into(n), now;
    return n;
  }

  testing::ScratchTree tree_{"transaction"};
  testing::TestDatabase test_db_{tree_.dir("store.db")};  // a SQLite file, or a PostgreSQL schema
  std::string path_ = test_db_.uri();
};

// A caller catches a nested scope's failure and goes on in the outer transaction, as an
// import does after a bad row. On PostgreSQL the failed statement aborts the whole
// transaction ("current transaction is aborted") unless the nested scope is a SAVEPOINT.
TEST_F(TransactionTest, TheOuterTransactionGoesOnAfterAFailedNestedScope) {
  Database db(path_);
  Transaction outer(db.session());
  db.session() << "UPDATE counter SET n = 5 WHERE id = 1", now;
  try {
    Transaction inner(db.session());
    db.session() << "INSERT INTO counter(id, n) VALUES(1, 0)", now;  // id 1 is taken
    inner.commit();
    ADD_FAILURE() << "a duplicate id was stored";
  } catch (const Poco::Exception& e) {
    EXPECT_TRUE(isUniqueViolation(e)) << e.displayText();
    EXPECT_FALSE(isStorageFailure(e)) << e.displayText();
  }
  db.session() << "INSERT INTO counter(id, n) VALUES(2, 7)", now;
  outer.commit();
  Database other(path_);
  EXPECT_EQ(read(other), 5);
  int n = 0;
  other.session() << "SELECT n FROM counter WHERE id = 2", into(n), now;
  EXPECT_EQ(n, 7);
}

// On PostgreSQL a nested scope left without commit() undoes its own statements only.
TEST_F(TransactionTest, ANestedScopeLeftWithoutCommitUndoesOnlyItselfOnPostgres) {
  if (!test_db_.postgres()) GTEST_SKIP() << "SQLite's nested scopes join without a savepoint";
  Database db(path_);
  Transaction outer(db.session());
  db.session() << "UPDATE counter SET n = 5 WHERE id = 1", now;
  {
    Transaction inner(db.session());
    db.session() << "INSERT INTO counter(id, n) VALUES(3, 1)", now;
  }
  {
    Transaction inner(db.session());
    db.session() << "INSERT INTO counter(id, n) VALUES(4, 1)", now;
    inner.commit();
  }
  outer.commit();
  Database other(path_);
  EXPECT_EQ(read(other), 5);
  std::vector<int> ids;
  other.session() << "SELECT id FROM counter ORDER BY id", into(ids), now;
  EXPECT_EQ(ids, (std::vector<int>{1, 4}));
}

// The read-then-write pattern of every audited change (read the "before" row,
// then write): another connection commits between the read and the write.
TEST_F(TransactionTest, ReadThenWriteWaitsForAnotherWriterInsteadOfFailing) {
  Database first(path_);
  Database second(path_);
  std::promise<void> first_has_read;
  auto other = std::async(std::launch::async, [&] {
    first_has_read.get_future().wait();
    Transaction tx(second.session());
    second.session() << "UPDATE counter SET n = n + 1 WHERE id = 1", now;
    tx.commit();
  });
  {
    Transaction tx(first.session());
    const int before = read(first);
    first_has_read.set_value();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    first.session() << "UPDATE counter SET n = $1 WHERE id = 1", bind(before + 10), now;
    tx.commit();
  }
  ASSERT_NO_THROW(other.get());
  // The second writer waited for the first and then added its 1.
  EXPECT_EQ(read(first), 11);
}

TEST_F(TransactionTest, ReadTransactionDoesNotTakeTheWriteLock) {
  Database reader(path_);
  // The writer gives up after 1 ms should the snapshot hold any lock it needs (SQLite's busy
  // timeout, PostgreSQL's lock_timeout).
  setBusyTimeoutMs(1);
  Database writer(path_);
  setBusyTimeoutMs(kDefaultBusyTimeoutMs);
  Transaction snapshot(reader.session(), Transaction::Mode::Read);
  EXPECT_EQ(read(reader), 0);
  {
    Transaction tx(writer.session());
    writer.session() << "UPDATE counter SET n = 5 WHERE id = 1", now;
    tx.commit();
  }
  EXPECT_EQ(read(reader), 0) << "the snapshot is unchanged";
  snapshot.commit();
  EXPECT_EQ(read(reader), 5);
}

TEST_F(TransactionTest, NestedScopesJoinTheOuterOneAndRollBackTogether) {
  Database db(path_);
  {
    Transaction outer(db.session());
    {
      Transaction inner(db.session());
      db.session() << "UPDATE counter SET n = 7 WHERE id = 1", now;
      inner.commit();
    }
  }
  EXPECT_EQ(read(db), 0);
}

TEST_F(TransactionTest, AWriteScopeInsideAReadSnapshotIsRefused) {
  Database db(path_);
  Transaction snapshot(db.session(), Transaction::Mode::Read);
  EXPECT_EQ(read(db), 0);
  EXPECT_THROW(Transaction(db.session()), std::logic_error);
}

}  // namespace
}  // namespace beacon::store
