// `beacon db copy`: the demo city on SQLite copied into the database BEACON_TEST_DB_URI names
// (PostgreSQL, or a second SQLite file when it is unset) has the same rows per table, its audit
// chain verifies, a drill added there gets an id above the copied ones, and copying it back
// into SQLite gives the same counts again; a target that has rows, or another schema version,
// is refused with a zh-CN message (English with --lang en) and nothing is written.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include <Poco/Data/Session.h>
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include "store/audit_chain.h"
#include "store/database.h"
#include "store/drill_repository.h"
#include "store/organisation_repository.h"
#include "store/schema_catalog.h"
#include "support/cli_runner.h"
#include "support/test_database.h"

using namespace Poco::Data::Keywords;

namespace beacon::app {
namespace {

using testing::CliRun;

std::map<std::string, Poco::Int64> rowCounts(store::Database& db) {
  std::map<std::string, Poco::Int64> out;
  for (const auto& t : store::SchemaCatalog(db).tables()) {
    if (t == "schema_version" || t == "data_changes" || t == "write_stamps") continue;
    Poco::Int64 n = 0;
    db.session() << "SELECT COUNT(*) FROM " + t, into(n), now;
    out[t] = n;
  }
  return out;
}

// drill_org_year_counts (the drill-plan card's counts, migration 44) against the drills in force.
void expectYearCountsExact(store::Database& db) {
  std::vector<std::string> kept, fresh;
  db.session()
      << "SELECT year || '|' || org_id || '|' || domain || '|' || n FROM drill_org_year_counts"
         " ORDER BY 1",
      into(kept), now;
  db.session()
      << "SELECT substr(drill_date, 1, 4) || '|' || org_id || '|' || domain || '|' || COUNT(*)"
         " FROM drills WHERE voided_at = '' GROUP BY substr(drill_date, 1, 4), org_id, domain"
         " ORDER BY 1",
      into(fresh), now;
  EXPECT_FALSE(kept.empty());
  EXPECT_EQ(kept, fresh);
}

class DbCopyCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Poco::File(dir_.path()).createDirectories();
    demo_ = dir_.path() + "/demo.db";
    CliRun init = beacon({"--db", demo_, "--user", "tester"}, {"init", "--demo", "xinmi-2023"});
    ASSERT_EQ(init.code, 0) << init.err;
    target_ = std::make_unique<testing::TestDatabase>(dir_.path() + "/target.db");
  }

  static CliRun beacon(const std::vector<std::string>& global,
                       const std::vector<std::string>& args) {
    return testing::runBeacon(global, args);
  }
  CliRun copy(const std::string& from, const std::string& to, bool english = false) {
    std::vector<std::string> global = {"--user", "tester"};
    if (english) global.insert(global.end(), {"--lang", "en"});
    return beacon(global, {"db", "copy", "--from", from, "--to", to});
  }

  Poco::TemporaryFile dir_;
  std::string demo_;
  std::unique_ptr<testing::TestDatabase> target_;
};

TEST_F(DbCopyCommandTest, DemoCityCopiesWithTheSameRowsIdsAndAuditChain) {
  CliRun r = copy("sqlite:" + demo_, target_->uri());
  ASSERT_EQ(r.code, 0) << r.err << r.out;
  EXPECT_NE(r.out.find("审计日志完整"), std::string::npos) << r.out;
  store::Database source(demo_);
  auto target = target_->open();
  const auto counts = rowCounts(source);
  EXPECT_GT(counts.at("drills"), 1000);
  EXPECT_GT(counts.at("audit_log"), 1000);
  EXPECT_EQ(rowCounts(*target), counts);
  const auto source_chain = store::verifyAuditChain(source.session());
  const auto target_chain = store::verifyAuditChain(target->session());
  ASSERT_TRUE(target_chain.ok()) << target_chain.describe(true);
  EXPECT_EQ(target_chain.head_id, source_chain.head_id);
  EXPECT_EQ(target_chain.head_hash, source_chain.head_hash);

  Poco::Int64 max_drill = 0;
  target->session() << "SELECT MAX(id) FROM drills", into(max_drill), now;
  auto drill = store::DrillRepository(source.session()).findById(max_drill);
  ASSERT_TRUE(drill.has_value());
  drill->id = 0;
  drill->date = *sdk::Date::parse("2024-03-01");
  const sdk::RecordId added =
      store::DrillRepository(target->session()).add(*drill, store::Actor{"tester"});
  EXPECT_EQ(added, max_drill + 1) << "the identity continues above the copied ids";
  EXPECT_TRUE(store::verifyAuditChain(target->session()).ok())
      << "the new entry chains to the copied head";
  expectYearCountsExact(*target);

  // And back: the target (PostgreSQL when the test runs on it) into a new SQLite file.
  const std::string back = dir_.path() + "/back.db";
  CliRun again = copy(target_->uri(), "sqlite:" + back, true);
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_NE(again.out.find("copied "), std::string::npos) << again.out;
  store::Database returned(back);
  const auto there = rowCounts(*target);
  EXPECT_EQ(there.at("drills"), counts.at("drills") + 1);
  EXPECT_EQ(rowCounts(returned), there);
  EXPECT_TRUE(store::verifyAuditChain(returned.session()).ok());
  expectYearCountsExact(returned);
}

TEST_F(DbCopyCommandTest, ANonEmptyTargetIsRefusedAndKeptAsItWas) {
  ASSERT_EQ(copy("sqlite:" + demo_, target_->uri()).code, 0);
  auto target = target_->open();
  const auto before = rowCounts(*target);
  CliRun zh = copy("sqlite:" + demo_, target_->uri());
  EXPECT_EQ(zh.code, 1);
  EXPECT_NE(zh.err.find("beacon: --to: 目标数据库不是空的（表 "), std::string::npos) << zh.err;
  EXPECT_NE(zh.err.find("未复制"), std::string::npos) << zh.err;
  CliRun en = copy("sqlite:" + demo_, target_->uri(), true);
  EXPECT_EQ(en.code, 1);
  EXPECT_NE(en.err.find("the target database is not empty (table "), std::string::npos) << en.err;
  EXPECT_EQ(rowCounts(*target), before);
}

TEST_F(DbCopyCommandTest, AnotherSchemaVersionIsRefused) {
  auto target = target_->open();
  target->migrateTo(20);
  CliRun r = copy("sqlite:" + demo_, target_->uri());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("版本不同，未复制"), std::string::npos) << r.err;
  EXPECT_EQ(target->schemaVersion(), 20);
  EXPECT_EQ(store::OrganisationRepository(target->session()).count(), 0);
}

TEST_F(DbCopyCommandTest, AMissingSourceOrOptionIsNamed) {
  CliRun missing = copy("sqlite:" + dir_.path() + "/nope.db", target_->uri());
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find("beacon: --from: 数据库文件不存在"), std::string::npos) << missing.err;
  EXPECT_FALSE(Poco::File(dir_.path() + "/nope.db").exists());
  CliRun no_to = beacon({"--lang", "en"}, {"db", "copy", "--from", demo_});
  EXPECT_EQ(no_to.code, 1);
  EXPECT_NE(no_to.err.find("--to: required"), std::string::npos) << no_to.err;
}

}  // namespace
}  // namespace beacon::app
