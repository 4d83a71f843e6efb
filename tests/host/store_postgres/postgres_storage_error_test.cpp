// isStorageFailure on PostgreSQL (issue 12): a lost connection, the lock timeout (the busy
// timeout) and a serialization failure are storage failures (the CLI exits 3, the web answers
// 503: retrying later can succeed); a unique violation is a conflict and bad SQL is a bug, neither
// a storage failure. Poco's connector raises one StatementException for all of them, so the
// classification reads the SQLSTATE from its message. Each test skips unless BEACON_TEST_DB_URI
// names a PostgreSQL database.
#include <gtest/gtest.h>

#include <string>

#include <Poco/Exception.h>

#include "store/database.h"
#include "store/storage_error.h"
#include "store/transaction.h"
#include "support/test_database.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {
namespace {

class PostgresStorageErrorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    BEACON_REQUIRE_POSTGRES();
    pg_ = std::make_unique<testing::TestDatabase>();
    first_ = pg_->open();
    first_->session() << "CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)", now;
    first_->session() << "INSERT INTO counter(id, n) VALUES(1, 0)", now;
  }

  // What `statement` throws on `db`; fails the test when it succeeds.
  static std::unique_ptr<Poco::Exception> failure(Database& db, const std::string& statement) {
    try {
      db.session() << statement, now;
    } catch (const Poco::Exception& e) {
      return std::unique_ptr<Poco::Exception>(e.clone());
    }
    ADD_FAILURE() << statement << " succeeded";
    return std::make_unique<Poco::Exception>("none");
  }

  std::unique_ptr<testing::TestDatabase> pg_;
  std::unique_ptr<Database> first_;
};

TEST_F(PostgresStorageErrorTest, AUniqueViolationIsAConflictNotAStorageFailure) {
  auto e = failure(*first_, "INSERT INTO counter(id, n) VALUES(1, 5)");
  EXPECT_TRUE(isUniqueViolation(*e)) << e->displayText();
  EXPECT_FALSE(isStorageFailure(*e)) << e->displayText();
}

TEST_F(PostgresStorageErrorTest, BadSqlIsNotAStorageFailure) {
  auto e = failure(*first_, "SELECT no_such_column FROM counter");
  EXPECT_FALSE(isStorageFailure(*e)) << e->displayText();
  EXPECT_FALSE(isUniqueViolation(*e)) << e->displayText();
}

TEST_F(PostgresStorageErrorTest, ALostConnectionIsAStorageFailure) {
  int pid = 0;
  first_->session() << "SELECT pg_backend_pid()", into(pid), now;
  auto second = pg_->open();
  second->session() << "SELECT pg_terminate_backend($1)", bind(pid), now;
  auto e = failure(*first_, "SELECT n FROM counter");
  EXPECT_TRUE(isStorageFailure(*e)) << e->displayText();
}

// Another node holds the write lock past the lock timeout (beacon.busy_timeout_ms; here 100 ms).
TEST_F(PostgresStorageErrorTest, TheLockTimeoutIsAStorageFailure) {
  Transaction writer(first_->session());
  auto second = pg_->open();
  second->session() << "SET lock_timeout = 100", now;
  try {
    Transaction waiting(second->session());
    ADD_FAILURE() << "a second write transaction began while the first held the write lock";
  } catch (const Poco::Exception& e) {
    EXPECT_TRUE(isStorageFailure(e)) << e.displayText();
  }
}

TEST_F(PostgresStorageErrorTest, ASerializationFailureIsAStorageFailure) {
  first_->session() << "BEGIN ISOLATION LEVEL REPEATABLE READ", now;
  int n = 0;
  first_->session() << "SELECT n FROM counter WHERE id = 1", into(n), now;
  auto second = pg_->open();
  second->session() << "UPDATE counter SET n = n + 1 WHERE id = 1", now;
  auto e = failure(*first_, "UPDATE counter SET n = 10 WHERE id = 1");
  first_->session() << "ROLLBACK", now;
  EXPECT_TRUE(isStorageFailure(*e)) << e->displayText();
}

}  // namespace
}  // namespace beacon::store
