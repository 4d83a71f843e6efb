// `beacon export KIND` / `beacon import KIND` over the whole ledger with the
// real domain plugins: the demo database (every kind of record) exported,
// imported into an empty database in dependency order and exported again
// gives the same bytes; a repeated import is refused naming its line, in
// zh-CN by default and in English with --lang en.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include "build_paths.h"
#include "io/import_kind.h"
#include "support/cli_runner.h"
#include "support/test_database.h"

namespace beacon::app {
namespace {

using testing::CliRun;

class LedgerCliTest : public ::testing::Test {
 protected:
  void SetUp() override { Poco::File(dir_.path()).createDirectories(); }

  CliRun beacon(const std::string& db, const std::vector<std::string>& args, bool english = false) {
    std::vector<std::string> global = {"--db", db, "--user", "tester"};
    if (english) global.insert(global.end(), {"--lang", "en"});
    return testing::runBeacon(global, args);
  }

  static std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  // The database `name` (a file in dir_, or a PostgreSQL schema: support/test_database.h).
  std::string db(const std::string& name) {
    auto& database = databases_[name];
    if (!database) database = std::make_unique<testing::TestDatabase>(dir_.path() + "/" + name + ".db");
    return database->uri();
  }

  Poco::TemporaryFile dir_;
  std::map<std::string, std::unique_ptr<testing::TestDatabase>> databases_;
};

TEST_F(LedgerCliTest, DemoLedgerRoundTripsThroughEveryKind) {
  const std::string demo = db("demo"), copy = db("copy");
  ASSERT_EQ(beacon(demo, {"init", "--demo", "xinmi-2023"}).code, 0);
  ASSERT_EQ(beacon(copy, {"init"}).code, 0);
  // The demo has no publications and no drill evaluation reports: two of each are recorded as
  // an office would.
  for (const char* code : {"XM-1", "XM-2"}) {
    CliRun r = beacon(demo, {"plan", "publish", code, "--date", "2025-01-10", "--channel",
                             "新密市人民政府门户网站"});
    ASSERT_EQ(r.code, 0) << r.err;
  }
  for (const char* drill : {"1", "2"}) {
    CliRun r = beacon(demo, {"drill", "evaluate", drill, "--verdict", "良", "--evaluator",
                             "城关镇应急办", "--date", "2025-01-10"});
    ASSERT_EQ(r.code, 0) << r.err;
  }
  for (const auto& kind : io::importKindIds()) {
    SCOPED_TRACE(kind);
    const std::string first = dir_.path() + "/" + kind + ".csv",
                      second = dir_.path() + "/" + kind + "-2.csv";
    CliRun out = beacon(demo, {"export", kind, "--out", first});
    ASSERT_EQ(out.code, 0) << out.err;
    const std::string text = read(first);
    EXPECT_GT(std::count(text.begin(), text.end(), '\n'), 1) << "the demo has " << kind;
    CliRun in = beacon(copy, {"import", kind, first});
    ASSERT_EQ(in.code, 0) << in.err;
    ASSERT_EQ(beacon(copy, {"export", kind, "--out", second}).code, 0);
    EXPECT_EQ(read(second), read(first));
  }
}

TEST_F(LedgerCliTest, RepeatedImportIsRefusedNamingTheLine) {
  const std::string b = db("b");
  ASSERT_EQ(beacon(b, {"init"}).code, 0);
  const std::string orgs = std::string(BEACON_SOURCE_DIR) + "/examples/csv/organisations.csv";
  const std::string plans = std::string(BEACON_SOURCE_DIR) + "/examples/csv/plans.csv";
  ASSERT_EQ(beacon(b, {"import", "organisations", orgs}).code, 0);
  CliRun first = beacon(b, {"import", "plans", plans});
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_NE(first.out.find("已导入 6 行"), std::string::npos) << first.out;
  CliRun zh = beacon(b, {"import", "plans", plans});
  EXPECT_EQ(zh.code, 1);
  EXPECT_NE(zh.err.find("第2行，“预案编码”列：预案编码“XM-ZT-2023”已存在，是重复导入"),
            std::string::npos)
      << zh.err;
  EXPECT_NE(zh.err.find("未导入任何记录"), std::string::npos);
  CliRun en = beacon(b, {"import", "plans", plans}, true);
  EXPECT_EQ(en.code, 1);
  EXPECT_NE(en.err.find("line 2, column 预案编码: plan \"XM-ZT-2023\" is already stored"),
            std::string::npos)
      << en.err;
  CliRun unknown = beacon(b, {"import", "budgets", plans});
  EXPECT_NE(unknown.code, 0);
  EXPECT_NE(unknown.err.find("corrective-actions"), std::string::npos) << unknown.err;
}

}  // namespace
}  // namespace beacon::app
