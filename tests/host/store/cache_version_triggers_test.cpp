// Cache versions (migration 33) on the backend BEACON_TEST_DB_URI names: every table but the
// unwatched ones has the triggers, a write stamps its table and organisation with the next clock
// number (scoped tables with the row's organisation, both organisations when an update moves
// a row, others with 0), a rolled-back write stamps nothing, and CacheVersionFeed reads exactly
// the pairs stamped after a number.
#include "store/cache_version_triggers.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "store/cache_version_feed.h"
#include "store/database.h"
#include "support/test_database.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {
namespace {

std::vector<std::string> tablesOf(Database& db) {
  std::vector<std::string> names;
  if (db.uri().postgres()) {
    db.session() << "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()"
                    " AND table_type = 'BASE TABLE' ORDER BY 1",
        into(names), now;
  } else {
    db.session() << "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1", into(names), now;
  }
  return names;
}

int triggerCount(Database& db, const std::string& table) {
  int n = 0;
  if (db.uri().postgres()) {
    db.session() << "SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                    " WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = $1"
                    " AND t.tgname = $2",
        into(n), bind(table), bind(table + "_cache_versions"), now;
    return n * 3;  // one trigger for insert, update and delete
  }
  db.session() << "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = $1"
                  " AND name LIKE $2",
      into(n), bind(table), bind(table + "_cache_versions_%"), now;
  return n;
}

std::map<std::pair<std::string, long long>, long long> pairsAfter(Database& db, Poco::Int64 seq) {
  std::map<std::pair<std::string, long long>, long long> out;
  for (const auto& r : CacheVersionFeed(db.session()).after(seq)) out[{r.table, r.org_id}] = r.seq;
  return out;
}

Poco::Int64 clock(Database& db) {
  Poco::Int64 n = 0;
  db.session() << "SELECT n FROM cache_clock WHERE id = 1", into(n), now;
  return n;
}

class CacheVersionTriggersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = test_db_.open();
    db_->migrate();
    auto& s = db_->session();
    s << "INSERT INTO organisations(id, code, name, kind, parent_id, created_at) VALUES"
         " (1, 'c', 'City', 'city', NULL, '2024-01-01'), (2, 't', 'Town', 'township', 1, '2024-01-01'),"
         " (3, 'v', 'Village', 'village', 2, '2024-01-01'), (4, 'w', 'Other', 'village', 2, '2024-01-01')",
        now;
  }
  testing::TestDatabase test_db_;
  std::unique_ptr<Database> db_;
};

TEST_F(CacheVersionTriggersTest, EveryTableIsWatched) {
  int watched = 0;
  for (const auto& t : tablesOf(*db_)) {
    if (!cacheVersionsWatch(t)) {
      EXPECT_EQ(triggerCount(*db_, t), 0) << t;
      continue;
    }
    ++watched;
    EXPECT_EQ(triggerCount(*db_, t), 3) << t << ": a table added after migration 33 needs its triggers";
  }
  EXPECT_GT(watched, 15);
}

TEST_F(CacheVersionTriggersTest, AWriteStampsItsTableAndOrganisation) {
  const Poco::Int64 before = clock(*db_);
  auto& s = db_->session();
  s << "INSERT INTO drills(id, domain, drill_type, org_id, drill_date, participants, fields, created_at)"
       " VALUES (10, 'flood', 'flood.evacuation', 3, '2024-05-01', 10, '{}', '2024-05-01')",
      now;
  auto pairs = pairsAfter(*db_, before);
  ASSERT_EQ(pairs.count({"drills", 3}), 1u);
  EXPECT_EQ(pairs.count({"drills", 4}), 0u);
  EXPECT_EQ(pairs.count({"plans", 0}), 0u) << "a drill is not a plan";
  const Poco::Int64 after_insert = clock(*db_);
  EXPECT_EQ(pairs.at({"drills", 3}), after_insert);

  // Moving the drill to another village stamps both; later numbers only.
  s << "UPDATE drills SET org_id = 4 WHERE id = 10", now;
  pairs = pairsAfter(*db_, after_insert);
  EXPECT_EQ(pairs.count({"drills", 3}), 1u);
  EXPECT_EQ(pairs.count({"drills", 4}), 1u);
  EXPECT_GT(pairs.at({"drills", 3}), after_insert);

  // A table without an organisation column stamps 0.
  const Poco::Int64 before_org = clock(*db_);
  s << "UPDATE organisations SET name = 'Renamed' WHERE id = 3", now;
  pairs = pairsAfter(*db_, before_org);
  EXPECT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs.count({"organisations", 0}), 1u);
  EXPECT_TRUE(pairsAfter(*db_, clock(*db_)).empty());
}

TEST_F(CacheVersionTriggersTest, ARolledBackWriteStampsNothing) {
  const Poco::Int64 before = clock(*db_);
  auto& s = db_->session();
  s << "BEGIN", now;
  s << "INSERT INTO drills(id, domain, drill_type, org_id, drill_date, participants, fields, created_at)"
       " VALUES (11, 'flood', 'flood.evacuation', 3, '2024-05-01', 10, '{}', '2024-05-01')",
      now;
  s << "ROLLBACK", now;
  EXPECT_TRUE(pairsAfter(*db_, before).empty());
  EXPECT_EQ(clock(*db_), before);
}

}  // namespace
}  // namespace beacon::store
