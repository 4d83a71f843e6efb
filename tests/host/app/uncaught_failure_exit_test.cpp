// A command that fails by an exception no service turned into a Status exits by the one map of
// codes (app/exit_code.h): a database whose schema lost a table (bad SQL, not the input's
// fault and not a busy database) is an internal failure, 7, naming the cause; usage stays 2.
#include <gtest/gtest.h>

#include <memory>

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include "app/exit_code.h"
#include "store/database.h"
#include "support/cli_runner.h"
#include "support/test_database.h"

namespace beacon::app {
namespace {

class UncaughtFailureExitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Poco::File(dir_.path()).createDirectories();
    database_ = std::make_unique<testing::TestDatabase>(dir_.path() + "/beacon.db");
    ASSERT_EQ(beacon({"init"}).code, 0);
  }
  testing::CliRun beacon(const std::vector<std::string>& args) {
    return testing::runBeacon({"--db", database_->uri(), "--user", "tester"}, args);
  }
  Poco::TemporaryFile dir_;
  std::unique_ptr<testing::TestDatabase> database_;
};

TEST_F(UncaughtFailureExitTest, ACommandOnADamagedSchemaExitsAsAnInternalFailure) {
  {
    store::Database db(database_->uri());
    db.session() << (database_->postgres() ? "DROP TABLE plans CASCADE" : "DROP TABLE plans"),
        Poco::Data::Keywords::now;
  }
  const testing::CliRun r = beacon({"plan", "list"});
  EXPECT_EQ(r.code, exit_code::kInternal) << r.err;
  EXPECT_NE(r.err.find("plans"), std::string::npos) << "the cause is named: " << r.err;
}

TEST_F(UncaughtFailureExitTest, AnUnknownCommandStaysAUsageError) {
  EXPECT_EQ(beacon({"frobnicate"}).code, exit_code::kUsage);
}

}  // namespace
}  // namespace beacon::app
