#include "app/cli.h"

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>

#include <Poco/File.h>
#include <Poco/SHA1Engine.h>
#include <Poco/TemporaryFile.h>

#include "app/os_user.h"
#include "store/database.h"
#include "store/storage_error.h"
#include "store/transaction.h"
#include "support/cli_runner.h"
#include "support/test_database.h"

namespace beacon::app {
namespace {

using testing::CliRun;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Poco::File(dir_.path()).createDirectories();
    database_ = std::make_unique<testing::TestDatabase>(dir_.path() + "/beacon.db");
    db_ = database_->uri();
    ASSERT_EQ(beacon({"init"}).code, 0);
    ASSERT_EQ(beacon({"org", "add", "--code", "xinmi", "--name", "新密市", "--kind", "city"}).code, 0);
    ASSERT_EQ(beacon({"org", "add", "--code", "quliang", "--name", "曲梁镇", "--kind", "township", "--parent",
                      "xinmi"}).code, 0);
    ASSERT_EQ(beacon({"org", "add", "--code", "quliang.v1", "--name", "五虎庙村", "--kind", "village",
                      "--parent", "quliang", "--attr", "flood.flash_flood_zone=1"}).code, 0);
  }

  CliRun beacon(const std::vector<std::string>& args) {
    return testing::runBeacon({"--db", db_, "--user", "tester"}, args);
  }

  // What says "nothing was written": the SQLite file's bytes, or on PostgreSQL the count of
  // committed write transactions (data_changes, migration 28).
  std::string digest() {
    if (database_->postgres()) {
      store::Database db(db_);
      Poco::Int64 n = 0;
      db.session() << "SELECT n FROM data_changes", Poco::Data::Keywords::into(n),
          Poco::Data::Keywords::now;
      return "data_changes " + std::to_string(n);
    }
    beacon({"audit", "--limit", "1"});  // opens and closes the database, checkpointing nothing new
    std::ifstream in(db_, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    Poco::SHA1Engine sha;
    sha.update(s.str());
    return Poco::DigestEngine::digestToHex(sha.digest());
  }

  Poco::TemporaryFile dir_;
  std::unique_ptr<testing::TestDatabase> database_;
  std::string db_;
};

TEST_F(CliTest, ListsTheFourDomainPlugins) {
  CliRun r = beacon({"plugins"});
  ASSERT_EQ(r.code, 0) << r.err;
  for (const char* id : {"flood", "fire", "forest_fire", "enterprise_safety"}) {
    EXPECT_NE(r.out.find(std::string(id) + "\t"), std::string::npos) << id << "\n" << r.out;
  }
  EXPECT_NE(r.out.find("防汛、人员疏散演练"), std::string::npos);
}

TEST_F(CliTest, LoggedDrillShowsInListAndAuditLog) {
  CliRun add = beacon({"drill", "add", "--org", "quliang.v1", "--type", "flood.evacuation", "--date", "2023-05-10",
                    "--participants", "85", "--evacuees", "40", "--place", "村委会广场", "--field", "hazard=山洪"});
  ASSERT_EQ(add.code, 0) << add.err;
  CliRun list = beacon({"drill", "list", "--org", "quliang"});
  ASSERT_EQ(list.code, 0) << list.err;
  EXPECT_NE(list.out.find("2023-05-10"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("五虎庙村"), std::string::npos);
  CliRun audit = beacon({"audit", "--entity", "drill"});
  ASSERT_EQ(audit.code, 0) << audit.err;
  EXPECT_NE(audit.out.find("tester (os: " + osUserName() + ")\tcreate\tdrill#"), std::string::npos)
      << audit.out;
  EXPECT_NE(audit.out.find("flash_flood"), std::string::npos) << audit.out;
}

TEST_F(CliTest, BadInputNamesTheFieldAndWritesNothing) {
  const std::string before = digest();
  CliRun bad_date = beacon({"drill", "add", "--org", "quliang.v1", "--type", "flood.evacuation", "--date",
                         "2023-02-30", "--field", "hazard=山洪"});
  EXPECT_EQ(bad_date.code, 1);
  EXPECT_NE(bad_date.err.find("--date"), std::string::npos) << bad_date.err;
  CliRun bad_org = beacon({"drill", "add", "--org", "nowhere", "--type", "flood.evacuation", "--date", "2023-05-01"});
  EXPECT_EQ(bad_org.code, 4) << "the organisation named does not exist";
  EXPECT_NE(bad_org.err.find("--org"), std::string::npos) << bad_org.err;
  CliRun bad_field = beacon({"drill", "add", "--org", "quliang.v1", "--type", "flood.evacuation", "--date",
                          "2023-05-01", "--field", "hazard=海啸"});
  EXPECT_EQ(bad_field.code, 1);
  EXPECT_NE(bad_field.err.find("hazard"), std::string::npos) << bad_field.err;
  CliRun unknown = beacon({"drill", "list", "--colour", "red"});
  EXPECT_EQ(unknown.code, 1);
  EXPECT_NE(unknown.err.find("--colour"), std::string::npos);
  EXPECT_EQ(digest(), before);
  EXPECT_EQ(beacon({"drill", "list"}).out, "");
}

TEST_F(CliTest, PlanRevisionAndDiff) {
  ASSERT_EQ(beacon({"plan", "add", "--code", "ql-flood", "--title", "曲梁镇防汛应急预案", "--domain", "flood",
                    "--category", "grassroots", "--owner", "quliang", "--issued", "2021-04-01", "--text",
                    "第一章 总则\n第二章 组织体系\n"}).code, 0);
  CliRun rev = beacon({"plan", "revise", "ql-flood", "--trigger", "risk_changed_major", "--issued", "2023-04-20",
                    "--text", "第一章 总则\n第二章 组织指挥体系\n第三章 转移避险\n"});
  ASSERT_EQ(rev.code, 0) << rev.err;
  CliRun diff = beacon({"plan", "diff", "ql-flood", "1", "2"});
  ASSERT_EQ(diff.code, 0) << diff.err;
  EXPECT_NE(diff.out.find("-第二章 组织体系"), std::string::npos) << diff.out;
  EXPECT_NE(diff.out.find("+第三章 转移避险"), std::string::npos) << diff.out;
  EXPECT_NE(diff.out.find("+第二章 组织{+指挥+}体系"), std::string::npos) << "the added word marked";
  CliRun bad = beacon({"plan", "revise", "ql-flood", "--trigger", "whim", "--issued", "2023-05-01", "--text", "x"});
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.err.find("trigger"), std::string::npos) << bad.err;
  CliRun undated = beacon({"plan", "revise", "ql-flood", "--trigger", "risk_changed_major", "--text", "x"});
  EXPECT_EQ(undated.code, 1);
  EXPECT_NE(undated.err.find("issued"), std::string::npos) << undated.err;
  CliRun empty = beacon({"plan", "revise", "ql-flood", "--trigger", "risk_changed_major", "--issued", "2023-05-01"});
  EXPECT_EQ(empty.code, 1);
  EXPECT_NE(empty.err.find("text"), std::string::npos) << empty.err;
  CliRun draft = beacon({"plan", "revise", "ql-flood", "--trigger", "risk_changed_major", "--draft", "--text", "修订稿"});
  ASSERT_EQ(draft.code, 0) << draft.err;
  EXPECT_NE(draft.out.find("v3"), std::string::npos) << draft.out;
  CliRun show = beacon({"plan", "show", "ql-flood"});
  EXPECT_NE(show.out.find("已印发"), std::string::npos) << "a draft leaves the plan issued: " << show.out;
}

TEST_F(CliTest, UnknownCommandAndHelp) {
  EXPECT_EQ(beacon({"frobnicate"}).code, 2);
  CliRun help = beacon({"drill", "--help"});
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("beacon drill add"), std::string::npos);
}

// Another connection holds the write lock past the (shortened) busy timeout:
// the command fails with the storage exit code, not the bad-input one, and
// writes nothing; once the lock is released the same command succeeds.
TEST_F(CliTest, LockedDatabaseExitsWithTheStorageCodeNotTheBadInputOne) {
  const std::string config = dir_.path() + "/busy.properties";
  std::ofstream(config) << "beacon.busy_timeout_ms = 200\n";
  const std::vector<std::string> add = {"drill", "add", "--org", "quliang.v1", "--type", "flood.evacuation",
                                        "--date", "2023-05-10", "--participants", "5", "--field", "hazard=山洪"};
  {
    store::Database holder(db_);
    store::Transaction lock(holder.session());
    CliRun locked = testing::runBeacon({"--config", config, "--db", db_}, add);
    EXPECT_EQ(locked.code, store::kStorageFailureExitCode) << locked.err;
    EXPECT_NE(locked.err.find("数据库暂时繁忙"), std::string::npos) << locked.err;
    CliRun english = testing::runBeacon({"--config", config, "--db", db_, "--lang", "en"}, add);
    EXPECT_EQ(english.code, store::kStorageFailureExitCode) << english.err;
    EXPECT_NE(english.err.find("the database is busy"), std::string::npos) << english.err;
  }
  CliRun list = beacon({"drill", "list", "--org", "quliang"});
  EXPECT_EQ(list.out.find("2023-05-10"), std::string::npos) << "nothing was written:\n" << list.out;
  CliRun retried = testing::runBeacon({"--config", config, "--db", db_}, add);
  EXPECT_EQ(retried.code, 0) << retried.err;
}

// An unknown organisation code (organisationByCode) is refused naming the option, in zh-CN, or in
// English with --lang en; every command that takes an organisation code shares it.
TEST_F(CliTest, AnUnknownOrganisationCodeIsRefusedInZhCnFirst) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"drill", "list", "--org", "nowhere"},
        std::vector<std::string>{"check", "--as-of", "2023-12-31", "--org", "nowhere"},
        std::vector<std::string>{"org", "show", "nowhere"}}) {
    CliRun zh = beacon(args);
    EXPECT_NE(zh.code, 0) << args[0];
    EXPECT_NE(zh.err.find("没有编码为“nowhere”的单位"), std::string::npos) << zh.err;
    EXPECT_EQ(zh.err.find("no organisation"), std::string::npos) << zh.err;
    CliRun en = testing::runBeacon({"--db", db_, "--lang", "en"}, args);
    EXPECT_NE(en.err.find("no organisation with code \"nowhere\""), std::string::npos) << en.err;
  }
}

TEST_F(CliTest, BadBusyTimeoutIsRefusedNamingTheKey) {
  const std::string config = dir_.path() + "/bad.properties";
  std::ofstream(config) << "beacon.busy_timeout_ms = soon\n";
  CliRun r = testing::runBeacon({"--config", config, "--db", db_}, {"drill", "list"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("beacon.busy_timeout_ms"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace beacon::app
