// The change watch on PostgreSQL (store/postgres_change_watch.h), with two Databases on one
// schema standing for two nodes: node B's watch says "changed" after any commit by either node
// and "unchanged" otherwise (nothing written, a read, a rolled-back write), and every table's
// writes count. Skips unless BEACON_TEST_DB_URI names a PostgreSQL database.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "store/change_watch.h"
#include "store/database.h"
#include "store/organisation_repository.h"
#include "store/postgres_change_watch.h"
#include "store/transaction.h"
#include "support/test_database.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {
namespace {

class PostgresChangeWatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    BEACON_REQUIRE_POSTGRES();
    test_db_ = std::make_unique<testing::TestDatabase>();
    a_ = test_db_->open();
    a_->migrate();
    b_ = test_db_->open();
    watch_ = makeChangeWatch(*b_);
  }

  void addOrganisation(Database& db, const std::string& code) {
    sdk::Organisation org;
    org.code = code;
    org.name = "组织" + code;
    org.kind = sdk::OrgKind::City;
    OrganisationRepository(db.session()).add(org, Actor{"test"});
  }

  bool changed() { return watch_->changed(b_->session()); }

  std::unique_ptr<testing::TestDatabase> test_db_;
  std::unique_ptr<Database> a_, b_;
  std::unique_ptr<ChangeWatch> watch_;
};

TEST_F(PostgresChangeWatchTest, ChangedAfterEachCommitByEitherNodeAndOnlyThen) {
  EXPECT_TRUE(watch_->seesEveryConnection());
  EXPECT_TRUE(changed()) << "the first call";
  EXPECT_FALSE(changed()) << "nothing committed";
  addOrganisation(*a_, "a1");
  EXPECT_TRUE(changed()) << "node A committed";
  EXPECT_FALSE(changed());
  EXPECT_FALSE(changed());
  addOrganisation(*b_, "b1");
  EXPECT_TRUE(changed()) << "node B committed";
  EXPECT_FALSE(changed());
  addOrganisation(*a_, "a2");
  addOrganisation(*a_, "a3");
  EXPECT_TRUE(changed()) << "two commits since";
  EXPECT_FALSE(changed());
}

TEST_F(PostgresChangeWatchTest, UnchangedAfterReadsAndRolledBackWrites) {
  addOrganisation(*a_, "a1");
  changed();
  {
    Transaction read(a_->session(), Transaction::Mode::Read);
    EXPECT_EQ(OrganisationRepository(a_->session()).count(), 1);
  }
  EXPECT_FALSE(changed()) << "a read";
  {
    Transaction write(a_->session());
    addOrganisation(*a_, "a2");
    EXPECT_FALSE(changed()) << "A has not committed yet";
  }  // rolled back
  EXPECT_FALSE(changed()) << "a rolled-back write";
  EXPECT_EQ(OrganisationRepository(b_->session()).count(), 1);
}

TEST_F(PostgresChangeWatchTest, OneWriteTransactionCountsOnce) {
  const Poco::Int64 before = committedWriteCount(b_->session());
  {
    Transaction write(a_->session());
    for (const char* code : {"a1", "a2", "a3"}) addOrganisation(*a_, code);
    write.commit();
  }
  EXPECT_EQ(committedWriteCount(b_->session()), before + 1);
  addOrganisation(*a_, "a4");
  EXPECT_EQ(committedWriteCount(b_->session()), before + 2);
}

TEST_F(PostgresChangeWatchTest, EveryTableCountsItsWrites) {
  std::vector<std::string> tables, triggered;
  a_->session()
      << "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
         " AND table_type = 'BASE TABLE' AND table_name NOT IN ('data_changes', 'schema_version')",
      into(tables), now;
  a_->session() << "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                   " WHERE c.relnamespace = current_schema()::regnamespace"
                   " AND t.tgname = c.relname || '_data_changes' AND t.tgenabled = 'O'",
      into(triggered), now;
  EXPECT_GE(tables.size(), 20u);
  EXPECT_EQ(std::set<std::string>(triggered.begin(), triggered.end()),
            std::set<std::string>(tables.begin(), tables.end()));
  // A write to a table no repository above touches: the login throttle's.
  changed();
  a_->session() << "INSERT INTO login_known_pairs(pair_key, last_success_ms) VALUES('k', 1)", now;
  EXPECT_TRUE(changed());
  a_->session() << "DELETE FROM login_known_pairs", now;
  EXPECT_TRUE(changed());
  EXPECT_FALSE(changed());
}

}  // namespace
}  // namespace beacon::store
