// `beacon drill correct|void` and `beacon review|filing correct|void` end to
// end: the change, its audit entry, the refusal of a --user account outside
// its rights, and bad input named with nothing written.
#include <memory>

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>
#include <gtest/gtest.h>

#include "support/cli_runner.h"
#include "support/test_database.h"

namespace beacon {
namespace {

using testing::CliRun;

class CorrectionCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Poco::File(dir_.path()).createDirectories();
    database_ = std::make_unique<testing::TestDatabase>(dir_.path() + "/beacon.db");
    db_ = database_->uri();
    ASSERT_EQ(beacon({"init"}).code, 0);
    ASSERT_EQ(beacon({"org", "add", "--code", "xinmi", "--name", "新密市", "--kind", "city"}).code, 0);
    ASSERT_EQ(beacon({"org", "add", "--code", "quliang", "--name", "曲梁镇", "--kind", "township", "--parent", "xinmi"})
                  .code,
              0);
    ASSERT_EQ(beacon({"org", "add", "--code", "quliang.v1", "--name", "五虎庙村", "--kind", "village", "--parent",
                      "quliang"})
                  .code,
              0);
    CliRun add = beacon({"drill", "add", "--org", "quliang.v1", "--type", "flood.evacuation", "--date", "2023-05-10",
                         "--participants", "430", "--field", "hazard=山洪"});
    ASSERT_EQ(add.code, 0) << add.err;
  }

  CliRun beacon(const std::vector<std::string>& args, const std::string& user = "tester") {
    return testing::runBeacon({"--db", db_, "--user", user}, args);
  }

  Poco::TemporaryFile dir_;
  std::unique_ptr<testing::TestDatabase> database_;
  std::string db_;
};

TEST_F(CorrectionCommandTest, DrillCorrectAndVoidAreAuditedAndAVoidedDrillIsMarked) {
  CliRun bad = beacon({"drill", "correct", "1", "--field", "participants=-3", "--reason", "录错"});
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.err.find("participants"), std::string::npos) << bad.err;
  CliRun no_reason = beacon({"drill", "correct", "1", "--field", "participants=43"});
  EXPECT_EQ(no_reason.code, 1);
  EXPECT_NE(no_reason.err.find("--reason"), std::string::npos) << no_reason.err;
  CliRun ok = beacon({"drill", "correct", "1", "--field", "participants=43", "--field", "place=村委会", "--reason",
                      "参演人数多录了一个0"});
  ASSERT_EQ(ok.code, 0) << ok.err;
  CliRun show = beacon({"drill", "show", "1"});
  EXPECT_NE(show.out.find("43"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("村委会"), std::string::npos) << show.out;
  CliRun audit = beacon({"audit", "--entity", "drill"});
  // The actor is the name given with --user and the operating-system account that ran the command.
  EXPECT_NE(audit.out.find("\ttester (os: "), std::string::npos) << audit.out;
  EXPECT_NE(audit.out.find(")\tcorrect\tdrill#1"), std::string::npos) << audit.out;
  EXPECT_NE(audit.out.find("参演人数多录了一个0"), std::string::npos) << audit.out;

  ASSERT_EQ(beacon({"drill", "void", "1", "--reason", "重复登记"}).code, 0);
  CliRun list = beacon({"drill", "list"});
  EXPECT_NE(list.out.find("已作废：重复登记"), std::string::npos) << list.out;
  CliRun again = beacon({"drill", "void", "1", "--reason", "再次"});
  EXPECT_EQ(again.code, 1);
  EXPECT_NE(again.err.find("作废"), std::string::npos) << again.err;
}

TEST_F(CorrectionCommandTest, AUserAccountNamedByUserIsHeldToItsRights) {
  ASSERT_EQ(testing::runBeacon({"--db", db_},
                               {"user", "add", "--username", "looker", "--role", "viewer", "--password",
                                "a-long-password-1"})
                .code,
            0);
  CliRun refused = beacon({"drill", "correct", "1", "--field", "participants=43", "--reason", "x"}, "looker");
  EXPECT_EQ(refused.code, 1);
  EXPECT_NE(refused.err.find("登记人"), std::string::npos) << refused.err;
  EXPECT_NE(beacon({"drill", "show", "1"}).out.find("430"), std::string::npos);
}

}  // namespace
}  // namespace beacon

namespace beacon {
namespace {

TEST_F(CorrectionCommandTest, ReviewAndFilingListsMarkVoidedRecords) {
  ASSERT_EQ(beacon({"plan", "add", "--code", "XM-FX", "--title", "新密市防汛应急预案", "--domain", "flood",
                    "--category", "special", "--owner", "xinmi", "--issued", "2023-03-01", "--text", "正文"})
                .code,
            0);
  ASSERT_EQ(beacon({"review", "add", "--plan", "XM-FX", "--kind", "evaluation", "--date", "2023-09-01",
                    "--conclusion", "keep"})
                .code,
            0);
  ASSERT_EQ(beacon({"filing", "add", "--plan", "XM-FX", "--target", "郑州市应急管理局", "--submitted", "2023-03-20"})
                .code,
            0);
  ASSERT_EQ(beacon({"review", "void", "1", "--reason", "重复登记"}).code, 0);
  ASSERT_EQ(beacon({"filing", "void", "1", "--reason", "报送机关录错"}).code, 0);
  CliRun reviews = beacon({"review", "list", "--plan", "XM-FX"});
  ASSERT_EQ(reviews.code, 0) << reviews.err;
  EXPECT_NE(reviews.out.find("（已作废：重复登记）"), std::string::npos) << reviews.out;
  CliRun filings = beacon({"filing", "list", "--plan", "XM-FX"});
  ASSERT_EQ(filings.code, 0) << filings.err;
  EXPECT_NE(filings.out.find("（已作废：报送机关录错）"), std::string::npos) << filings.out;
  CliRun english = testing::runBeacon({"--db", db_, "--lang", "en"}, {"filing", "list", "--plan", "XM-FX"});
  EXPECT_NE(english.out.find("(voided: 报送机关录错)"), std::string::npos) << english.out;
}

}  // namespace
}  // namespace beacon
