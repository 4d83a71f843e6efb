// `beacon drill evaluation correct|void`, `beacon drill-plan correct` and
// `item correct|void`, and `beacon plan step correct|void` end to end: each
// goes through RecordCorrection, a bad field is named with exit 1, a voided
// planned drill is listed apart and not counted, and a voided step stays in
// `plan history` marked 已作废 with its reason.
#include <memory>

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>
#include <gtest/gtest.h>

#include "support/cli_runner.h"
#include "support/test_database.h"

namespace beacon {
namespace {

using testing::CliRun;

class DrillRecordCorrectionCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Poco::File(dir_.path()).createDirectories();
    database_ = std::make_unique<testing::TestDatabase>(dir_.path() + "/beacon.db");
    db_ = database_->uri();
    ASSERT_EQ(beacon({"init"}).code, 0);
    ASSERT_EQ(beacon({"org", "add", "--code", "xinmi", "--name", "新密市", "--kind", "city"}).code,
              0);
    ASSERT_EQ(beacon({"org", "add", "--code", "quliang", "--name", "曲梁镇", "--kind", "township",
                      "--parent", "xinmi"})
                  .code,
              0);
  }
  CliRun beacon(const std::vector<std::string>& args) {
    return testing::runBeacon({"--db", db_, "--user", "tester"}, args);
  }
  Poco::TemporaryFile dir_;
  std::unique_ptr<testing::TestDatabase> database_;
  std::string db_;
};

TEST_F(DrillRecordCorrectionCommandTest, AnEvaluationIsCorrectedThenVoided) {
  CliRun add = beacon({"drill", "add", "--org", "quliang", "--type", "flood.evacuation", "--date",
                       "2024-05-10", "--field", "hazard=山洪"});
  ASSERT_EQ(add.code, 0) << add.err;
  CliRun eval = beacon({"drill", "evaluate", "1", "--verdict", "良", "--evaluator", "镇应急办",
                        "--date", "2024-05-20"});
  ASSERT_EQ(eval.code, 0) << eval.err;
  CliRun bad = beacon({"drill", "evaluation", "correct", "1", "--field", "date=2024-05-01",
                       "--reason", "日期录错"});
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.err.find("date"), std::string::npos) << bad.err;
  CliRun ok = beacon(
      {"drill", "evaluation", "correct", "1", "--field", "verdict=中", "--reason", "结论录错"});
  ASSERT_EQ(ok.code, 0) << ok.err;
  EXPECT_NE(ok.out.find("已更正 drill_evaluation #1"), std::string::npos) << ok.out;
  ASSERT_EQ(beacon({"drill", "evaluation", "void", "1", "--reason", "重复登记"}).code, 0);
  CliRun again = beacon({"drill", "evaluation", "void", "1", "--reason", "x"});
  EXPECT_EQ(again.code, 1);
  EXPECT_NE(again.err.find("作废"), std::string::npos) << again.err;
  EXPECT_EQ(beacon({"drill", "evaluation", "delete", "1"}).code, 2);
}

TEST_F(DrillRecordCorrectionCommandTest, APlannedDrillIsCorrectedAndVoidedAndThePlanIsCorrected) {
  CliRun add =
      beacon({"drill-plan", "add", "--org", "quliang", "--year", "2024", "--made-on", "2024-01-10",
              "--item", "flood.evacuation:5", "--item", "flood.evacuation:9"});
  ASSERT_EQ(add.code, 0) << add.err;
  CliRun month =
      beacon({"drill-plan", "item", "correct", "2", "--field", "month=13", "--reason", "x"});
  EXPECT_EQ(month.code, 1);
  EXPECT_NE(month.err.find("month"), std::string::npos) << month.err;
  ASSERT_EQ(
      beacon({"drill-plan", "item", "correct", "2", "--field", "month=10", "--reason", "月份录错"})
          .code,
      0);
  ASSERT_EQ(beacon({"drill-plan", "item", "void", "2", "--reason", "计划取消"}).code, 0);
  ASSERT_EQ(
      beacon({"drill-plan", "correct", "1", "--field", "note=镇党委审定", "--reason", "补备注"})
          .code,
      0);
  CliRun show =
      beacon({"drill-plan", "show", "--org", "quliang", "--year", "2024", "--as-of", "2024-12-31"});
  ASSERT_EQ(show.code, 0) << show.err;
  EXPECT_NE(show.out.find("计划 1 项"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("#2\t10月"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("已作废：计划取消"), std::string::npos) << show.out;
}

TEST_F(DrillRecordCorrectionCommandTest, AVoidedStepStaysInTheHistoryMarked) {
  CliRun add = beacon({"plan", "add", "--code", "ql-flood", "--title", "曲梁镇防汛应急预案",
                       "--domain", "flood", "--category", "grassroots", "--owner", "quliang",
                       "--text", "第一章 总则\n"});
  ASSERT_EQ(add.code, 0) << add.err;
  CliRun submit = beacon({"plan", "submit-review", "ql-flood", "--date", "2024-03-01"});
  ASSERT_EQ(submit.code, 0) << submit.err;
  const auto hash = submit.out.rfind("\t#");
  ASSERT_NE(hash, std::string::npos) << submit.out;
  const std::string id = submit.out.substr(hash + 2, submit.out.find('\n', hash) - hash - 2);
  CliRun correct =
      beacon({"plan", "step", "correct", id, "--field", "date=2024-03-02", "--reason", "x"});
  EXPECT_EQ(correct.code, 1) << "a 提交评审 is voided, not corrected";
  ASSERT_EQ(beacon({"plan", "step", "void", id, "--reason", "提交错了稿本"}).code, 0);
  CliRun history = beacon({"plan", "history", "ql-flood"});
  ASSERT_EQ(history.code, 0) << history.err;
  EXPECT_NE(history.out.find("\t#" + id + "\n    （已作废：tester"), std::string::npos)
      << history.out;
  EXPECT_NE(history.out.find("原因：提交错了稿本"), std::string::npos) << history.out;
  CliRun resubmit = beacon({"plan", "submit-review", "ql-flood", "--date", "2024-03-02"});
  EXPECT_EQ(resubmit.code, 0) << "back to 编制中: " << resubmit.err;
}

}  // namespace
}  // namespace beacon
