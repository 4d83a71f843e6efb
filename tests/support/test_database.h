// TestDatabase: an empty database for one test, on the backend the environment variable
// BEACON_TEST_DB_URI names. Unset or empty: SQLite, at `sqlite_path` (":memory:" unless the
// test needs several connections to one file). A postgresql:// URI (scripts/pg-cluster.sh
// prints one): a new schema in that database, named after the test and the process, dropped
// (with everything in it) when the TestDatabase goes, so every Database opened on uri() sees
// the same tables and no test sees another's. Declare it before the Databases that use it.
// Not thread-safe; one per test.
#pragma once

#include <memory>
#include <string>

#include "store/database.h"
#include "store/database_uri.h"

namespace beacon::testing {

class TestDatabase {
 public:
  explicit TestDatabase(const std::string& sqlite_path = ":memory:");
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // What to open: the SQLite path, or the PostgreSQL URI with ?schema=<this test's schema>.
  const std::string& uri() const { return uri_; }
  bool postgres() const { return !schema_.empty(); }
  std::unique_ptr<store::Database> open() const { return std::make_unique<store::Database>(uri_); }

  // Whether BEACON_TEST_DB_URI names a PostgreSQL database (the postgres-labelled tests skip
  // otherwise).
  static bool postgresRequested();
  // Whether a PostgreSQL test must run (CI is set: scripts/test.sh starts a cluster, so a
  // missing BEACON_TEST_DB_URI there is a broken install step, not a skip).
  static bool postgresRequired();
  // BEACON_TEST_DB_URI parsed, or a failed result naming the variable.
  static sdk::Result<store::DatabaseUri> requested();

 private:
  std::string uri_;
  store::DatabaseUri base_;
  std::string schema_;
};

}  // namespace beacon::testing

// In a PostgreSQL-only test (or its SetUp): skips it unless BEACON_TEST_DB_URI names a
// PostgreSQL database, and fails it instead under CI (TestDatabase::postgresRequired).
#define BEACON_REQUIRE_POSTGRES()                                                               \
  do {                                                                                          \
    if (!::beacon::testing::TestDatabase::postgresRequested()) {                                \
      if (::beacon::testing::TestDatabase::postgresRequired())                                  \
        FAIL() << "CI is set but BEACON_TEST_DB_URI is not (scripts/test.sh starts a cluster)"; \
      GTEST_SKIP() << "set BEACON_TEST_DB_URI to a postgresql:// URI (scripts/pg-cluster.sh start DIR)"; \
    }                                                                                           \
  } while (0)
