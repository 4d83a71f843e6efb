// The audit log's hash chain finds an entry changed, removed or inserted
// with SQL behind the application's back, and concurrent writers still form
// one chain (issue 9, item 9).
#include "store/audit_chain.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include <Poco/Data/Session.h>
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include "store/database.h"
#include "support/test_database.h"

using namespace Poco::Data::Keywords;

namespace beacon::store {
namespace {

class AuditChainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Poco::File(dir_.path()).createDirectories();
    test_db_ = std::make_unique<testing::TestDatabase>(dir_.path() + "/beacon.db");
    db_ = std::make_unique<Database>(test_db_->uri());
    db_->migrate();
    for (int i = 1; i <= 5; ++i) {
      AuditLog(db_->session())
          .append(Actor{"town", i % 2 ? "root" : ""}, "create", "drill", i, "",
                  "{\"n\":" + std::to_string(i) + "}");
    }
  }

  // What an attacker with the file (or PostgreSQL's table owner) does first.
  void dropTriggers() {
    if (test_db_->postgres()) {
      db_->session() << "ALTER TABLE audit_log DISABLE TRIGGER USER", now;
      return;
    }
    db_->session() << "DROP TRIGGER audit_log_no_update", now;
    db_->session() << "DROP TRIGGER audit_log_no_delete", now;
  }

  AuditEntry entry(sdk::RecordId id) {
    for (const auto& e : AuditLog(db_->session()).list("", 0, 1000)) {
      if (e.id == id) return e;
    }
    ADD_FAILURE() << "no entry " << id;
    return {};
  }

  void insertRaw(const AuditEntry& e) {
    db_->session()
        << "INSERT INTO audit_log(id, at, username, action, entity, entity_id, before_json, "
           "after_json,"
           " os_user, prev_hash, hash) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        bind(static_cast<Poco::Int64>(e.id)), bind(e.at), bind(e.username), bind(e.action),
        bind(e.entity), bind(static_cast<Poco::Int64>(e.entity_id)), bind(e.before_json),
        bind(e.after_json), bind(e.os_user), bind(e.prev_hash), bind(e.hash), now;
  }

  Poco::TemporaryFile dir_;
  std::unique_ptr<testing::TestDatabase> test_db_;  // a SQLite file, or a PostgreSQL schema
  std::unique_ptr<Database> db_;
};

TEST_F(AuditChainTest, AnIntactLogVerifiesAndNamesItsHead) {
  const auto r = verifyAuditChain(db_->session());
  EXPECT_TRUE(r.ok()) << r.describe(true);
  EXPECT_EQ(r.entries, 5u);
  EXPECT_EQ(r.head_id, 5);
  EXPECT_EQ(r.head_hash, entry(5).hash);
  EXPECT_EQ(entry(1).prev_hash, "");
  EXPECT_EQ(entry(2).prev_hash, entry(1).hash);
  EXPECT_EQ(entry(1).os_user, "root");
  EXPECT_EQ(r.describe(false), "审计日志完整：共 5 条，链尾 5:" + r.head_hash);
  EXPECT_TRUE(verifyAuditChain(db_->session(), 5, r.head_hash).ok());
  EXPECT_TRUE(verifyAuditChain(db_->session(), 3, entry(3).hash).ok());
}

TEST_F(AuditChainTest, AChangedEntryIsNamed) {
  dropTriggers();
  db_->session() << "UPDATE audit_log SET username = 'admin' WHERE id = 3", now;
  const auto r = verifyAuditChain(db_->session());
  EXPECT_EQ(r.problem, AuditChainReport::Problem::Changed);
  EXPECT_EQ(r.entry_id, 3);
  EXPECT_EQ(r.describe(false), "审计日志第 3 条被改动：内容与哈希不符");
  EXPECT_EQ(r.describe(true), "audit entry 3 was changed: its content does not match its hash");
}

TEST_F(AuditChainTest, AChangedAndRehashedEntryBreaksTheNextLink) {
  dropTriggers();
  AuditEntry e = entry(3);
  e.after_json = "{\"n\":30}";
  e.hash = auditEntryHash(e, e.prev_hash);
  db_->session() << "UPDATE audit_log SET after_json = $1, hash = $2 WHERE id = 3",
      bind(e.after_json), bind(e.hash), now;
  const auto r = verifyAuditChain(db_->session());
  EXPECT_EQ(r.problem, AuditChainReport::Problem::Removed);
  EXPECT_EQ(r.entry_id, 4);
  EXPECT_EQ(r.after_id, 3);
  EXPECT_NE(r.describe(true).find("entry 3 was changed and re-hashed"), std::string::npos)
      << r.describe(true);
}

TEST_F(AuditChainTest, ARemovedEntryIsNamed) {
  dropTriggers();
  db_->session() << "DELETE FROM audit_log WHERE id = 3", now;
  auto r = verifyAuditChain(db_->session());
  EXPECT_EQ(r.problem, AuditChainReport::Problem::Removed);
  EXPECT_EQ(r.entry_id, 4);
  EXPECT_EQ(r.after_id, 2);
  EXPECT_EQ(r.describe(false),
            "审计日志第 4 条不接续第 2 条：其间有条目被删除，或第 2 条被改动后重算了哈希");

  db_->session() << "DELETE FROM audit_log WHERE id = 1", now;
  r = verifyAuditChain(db_->session());
  EXPECT_EQ(r.problem, AuditChainReport::Problem::Removed);
  EXPECT_EQ(r.entry_id, 2) << "the oldest entry left does not start the chain";
  EXPECT_EQ(r.after_id, 0);
}

TEST_F(AuditChainTest, EntriesCutOffTheEndNeedTheRecordedHead) {
  const auto before = verifyAuditChain(db_->session());
  dropTriggers();
  db_->session() << "DELETE FROM audit_log WHERE id = 5", now;
  EXPECT_TRUE(verifyAuditChain(db_->session()).ok()) << "a chain alone cannot see its tail cut off";
  const auto r = verifyAuditChain(db_->session(), before.head_id, before.head_hash);
  EXPECT_EQ(r.problem, AuditChainReport::Problem::HeadMismatch);
  EXPECT_EQ(r.entry_id, 5);
  EXPECT_EQ(r.after_id, 4);
}

TEST_F(AuditChainTest, InsertedEntriesAreNamed) {
  // A row written with SQL, with no hash or a made-up one.
  AuditEntry forged = entry(5);
  forged.id = 6;
  forged.username = "admin";
  forged.prev_hash = entry(5).hash;
  forged.hash = "";
  insertRaw(forged);
  auto r = verifyAuditChain(db_->session());
  EXPECT_EQ(r.problem, AuditChainReport::Problem::Changed);
  EXPECT_EQ(r.entry_id, 6);
  // Appended to by the application afterwards: still the forged row is found.
  AuditLog(db_->session()).append(Actor{"town"}, "create", "drill", 7, "", "{}");
  r = verifyAuditChain(db_->session());
  EXPECT_EQ(r.problem, AuditChainReport::Problem::Changed);
  EXPECT_EQ(r.entry_id, 6);
}

TEST_F(AuditChainTest, AnEntrySlippedInBeforeTheFirstIsNamed) {
  // Hashed correctly by someone who knows the algorithm, but the chain does not pass through it.
  AuditEntry forged = entry(1);
  forged.id = 0;
  forged.username = "admin";
  forged.prev_hash = "";
  forged.hash = auditEntryHash(forged, forged.prev_hash);
  insertRaw(forged);
  const auto r = verifyAuditChain(db_->session());
  EXPECT_EQ(r.problem, AuditChainReport::Problem::Inserted);
  EXPECT_EQ(r.entry_id, 0);
  EXPECT_EQ(r.describe(false), "审计日志第 0 条是插入在开头的：不在哈希链上");
}

TEST_F(AuditChainTest, AnEntryInsertedInAGapIsNamed) {
  // Entries 3..5 are removed, then a forged 3 and a successor 4 that links to 2 are written.
  dropTriggers();
  db_->session() << "DELETE FROM audit_log WHERE id >= 3", now;
  AuditEntry a = entry(2);
  AuditEntry forged = a;
  forged.id = 3;
  forged.username = "admin";
  forged.prev_hash = "0000000000000000000000000000000000000000000000000000000000000000";
  forged.hash = auditEntryHash(forged, forged.prev_hash);
  insertRaw(forged);
  AuditEntry next = a;
  next.id = 4;
  next.prev_hash = a.hash;  // the genuine successor of 2
  next.hash = auditEntryHash(next, next.prev_hash);
  insertRaw(next);
  const auto r = verifyAuditChain(db_->session());
  EXPECT_EQ(r.problem, AuditChainReport::Problem::Inserted);
  EXPECT_EQ(r.entry_id, 3);
  EXPECT_EQ(r.after_id, 2);
  EXPECT_EQ(
      r.describe(true),
      "audit entry 3 was inserted out of order after entry 2: the chain does not pass through it");

  // The same with the forged row linked to 2 as well: the next entry skips it.
  db_->session() << "DELETE FROM audit_log WHERE id = 3", now;
  forged.prev_hash = a.hash;
  forged.hash = auditEntryHash(forged, forged.prev_hash);
  insertRaw(forged);
  const auto again = verifyAuditChain(db_->session());
  EXPECT_EQ(again.problem, AuditChainReport::Problem::Inserted);
  EXPECT_EQ(again.entry_id, 3);
  EXPECT_EQ(again.after_id, 2);
}

TEST_F(AuditChainTest, ConcurrentWritersFormOneChain) {
  constexpr int kThreads = 4, kEach = 50;
  std::atomic<int> written{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      Database db(test_db_->uri());
      for (int i = 0; i < kEach; ++i) {
        // A writer that loses SQLite's write lock race tries again, as a client would.
        for (int attempt = 0; attempt < 1000; ++attempt) {
          try {
            AuditLog(db.session())
                .append(Actor{"w" + std::to_string(t)}, "create", "drill", i, "", "{}");
            ++written;
            break;
          } catch (const Poco::Exception&) {
            std::this_thread::yield();
          }
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(written.load(), kThreads * kEach);
  const auto r = verifyAuditChain(db_->session());
  EXPECT_TRUE(r.ok()) << r.describe(true);
  EXPECT_EQ(r.entries, static_cast<std::size_t>(5 + kThreads * kEach));
  int forks = -1;
  db_->session() << "SELECT COUNT(*) FROM (SELECT prev_hash FROM audit_log GROUP BY prev_hash "
                    "HAVING COUNT(*) > 1) AS forks",
      into(forks), now;
  EXPECT_EQ(forks, 0);
}

}  // namespace
}  // namespace beacon::store
