// `beacon plan` life-cycle verbs: a plan added as a draft is submitted,
// reviewed (通过/修改后通过/不通过), approved, issued, filed, published and
// abolished from the command line; a step its state does not allow exits 1
// naming the state (zh-CN, and English with --lang en) and the option; the
// history lists every step.
#include <fstream>

#include <gtest/gtest.h>

#include "support/cli_city_fixture.h"

namespace beacon::app {
namespace {

using testing::CliRun;

class PlanLifecycleCommandTest : public testing::CliCityFixture {
 protected:
  void SetUp() override {
    CliCityFixture::SetUp();
    if (HasFatalFailure()) return;
    CliRun add = beacon({"plan", "add", "--code", "ql-flood", "--title", "曲梁镇防汛应急预案",
                         "--domain", "flood", "--category", "grassroots", "--owner", "quliang",
                         "--text", "第一章 总则\n"});
    ASSERT_EQ(add.code, 0) << add.err;
  }
  CliRun english(const std::vector<std::string>& args) { return beacon(args, "en"); }
};

TEST_F(PlanLifecycleCommandTest, ADraftIsSubmittedReviewedApprovedIssuedFiledAndPublished) {
  CliRun filing_before = beacon({"filing", "add", "--plan", "ql-flood", "--target",
                                 "新密市应急管理局", "--submitted", "2024-04-10"});
  EXPECT_EQ(filing_before.code, 5) << "refused by the plan's state (exit code 5)";
  EXPECT_NE(filing_before.err.find("「编制中」"), std::string::npos) << filing_before.err;
  CliRun submit = beacon({"plan", "submit-review", "ql-flood", "--date", "2024-03-01"});
  ASSERT_EQ(submit.code, 0) << submit.err;
  EXPECT_NE(submit.out.find("编制中 → 评审中"), std::string::npos) << submit.out;
  CliRun no_conclusion =
      beacon({"review", "add", "--plan", "ql-flood", "--kind", "review", "--date", "2024-03-05"});
  EXPECT_EQ(no_conclusion.code, 1);
  EXPECT_NE(no_conclusion.err.find("--conclusion"), std::string::npos) << no_conclusion.err;
  CliRun keep = beacon({"review", "add", "--plan", "ql-flood", "--kind", "review", "--date",
                        "2024-03-05", "--conclusion", "keep"});
  EXPECT_EQ(keep.code, 1) << "继续有效 is not a review's conclusion";
  EXPECT_NE(keep.err.find("conclusion"), std::string::npos) << keep.err;
  ASSERT_EQ(beacon({"review", "add", "--plan", "ql-flood", "--kind", "review", "--date",
                    "2024-03-05", "--conclusion", "passed_with_changes", "--reviewers", "专家组"})
                .code,
            0);
  CliRun list = beacon({"review", "list", "--plan", "ql-flood"});
  EXPECT_NE(list.out.find("修改后通过"), std::string::npos) << list.out;
  EXPECT_EQ(list.out.find("继续有效"), std::string::npos) << list.out;
  CliRun no_body = beacon({"plan", "approve", "ql-flood", "--date", "2024-03-10"});
  EXPECT_EQ(no_body.code, 1);
  EXPECT_NE(no_body.err.find("--by"), std::string::npos) << no_body.err;
  ASSERT_EQ(
      beacon({"plan", "approve", "ql-flood", "--date", "2024-03-10", "--by", "曲梁镇党委、政府"})
          .code,
      0);
  CliRun no_number = beacon({"plan", "issue", "ql-flood", "--issued", "2024-04-01"});
  EXPECT_EQ(no_number.code, 1);
  EXPECT_NE(no_number.err.find("--document-no"), std::string::npos) << no_number.err;
  CliRun issue = beacon(
      {"plan", "issue", "ql-flood", "--issued", "2024-04-01", "--document-no", "曲政〔2024〕5号"});
  ASSERT_EQ(issue.code, 0) << issue.err;
  EXPECT_NE(issue.out.find("已批准 → 已印发"), std::string::npos) << issue.out;
  CliRun show = beacon({"plan", "show", "ql-flood"});
  EXPECT_NE(show.out.find("已印发\tv1"), std::string::npos) << show.out;
  EXPECT_EQ(beacon({"filing", "add", "--plan", "ql-flood", "--target", "新密市应急管理局",
                    "--submitted", "2024-04-10"})
                .code,
            0);
  CliRun no_channel = beacon({"plan", "publish", "ql-flood", "--date", "2024-04-12"});
  EXPECT_EQ(no_channel.code, 1);
  EXPECT_NE(no_channel.err.find("--channel"), std::string::npos) << no_channel.err;
  ASSERT_EQ(beacon({"plan", "publish", "ql-flood", "--date", "2024-04-12", "--channel",
                    "曲梁镇政务公开栏"})
                .code,
            0);
  CliRun history = beacon({"plan", "history", "ql-flood"});
  ASSERT_EQ(history.code, 0) << history.err;
  for (const char* step : {"提交评审", "评审", "审批", "印发", "备案", "公开"}) {
    EXPECT_NE(history.out.find(std::string("\t") + step + "\t"), std::string::npos) << step << "\n"
                                                                                    << history.out;
  }
  EXPECT_NE(history.out.find("曲政〔2024〕5号"), std::string::npos) << history.out;
  EXPECT_NE(history.out.find("tester"), std::string::npos) << history.out;
}

// `beacon review correct` corrects the review's step too: `plan history` shows the corrected day and
// conclusion; corrected to 不通过 as the latest step, the draft is back in drafting.
TEST_F(PlanLifecycleCommandTest, ACorrectedReviewShowsCorrectedInTheHistory) {
  ASSERT_EQ(beacon({"plan", "submit-review", "ql-flood", "--date", "2024-03-01"}).code, 0);
  ASSERT_EQ(beacon({"review", "add", "--plan", "ql-flood", "--kind", "review", "--date", "2024-03-05",
                    "--conclusion", "passed", "--reviewers", "专家组"})
                .code,
            0);
  CliRun corrected = beacon({"review", "correct", "1", "--field", "date=2024-03-04", "--field",
                             "conclusion=failed", "--reason", "日期和结论录错"});
  ASSERT_EQ(corrected.code, 0) << corrected.err;
  CliRun history = beacon({"plan", "history", "ql-flood"});
  ASSERT_EQ(history.code, 0) << history.err;
  const auto line = history.out.find("2024-03-04");
  ASSERT_NE(line, std::string::npos) << history.out;
  const std::string row = history.out.substr(line, history.out.find('\n', line) - line);
  EXPECT_NE(row.find("评审"), std::string::npos) << row;
  EXPECT_NE(row.find("不通过"), std::string::npos) << row;
  EXPECT_EQ(beacon({"plan", "submit-review", "ql-flood", "--date", "2024-03-06"}).code, 0)
      << "back in drafting: the draft can be submitted again";
}

TEST_F(PlanLifecycleCommandTest, AStepTheStateDoesNotAllowExitsFiveNamingTheState) {
  CliRun issue =
      beacon({"plan", "issue", "ql-flood", "--issued", "2024-04-01", "--document-no", "x"});
  EXPECT_EQ(issue.code, 5);
  EXPECT_NE(issue.err.find("status"), std::string::npos) << issue.err;
  EXPECT_NE(issue.err.find("「编制中」，不能印发"), std::string::npos) << issue.err;
  CliRun en = english({"plan", "approve", "ql-flood", "--date", "2024-03-10", "--by", "x"});
  EXPECT_EQ(en.code, 5);
  EXPECT_NE(en.err.find("is Drafting; cannot approve"), std::string::npos) << en.err;
  ASSERT_EQ(beacon({"plan", "submit-review", "ql-flood", "--date", "2024-03-01"}).code, 0);
  CliRun again = beacon({"plan", "submit-review", "ql-flood", "--date", "2024-03-02"});
  EXPECT_EQ(again.code, 5);
  EXPECT_NE(again.err.find("「评审中」"), std::string::npos) << again.err;
  ASSERT_EQ(beacon({"review", "add", "--plan", "ql-flood", "--kind", "review", "--date",
                    "2024-03-05", "--conclusion", "failed"})
                .code,
            0);
  CliRun approve = beacon({"plan", "approve", "ql-flood", "--date", "2024-03-10", "--by", "x"});
  EXPECT_EQ(approve.code, 5) << "不通过 sends the draft back to drafting";
  EXPECT_NE(approve.err.find("「编制中」"), std::string::npos) << approve.err;
  CliRun prepare = beacon({"plan", "prepare", "ql-flood", "--kind", "risk_assessment", "--date",
                           "2024-03-11", "--document", "风险评估报告"});
  EXPECT_EQ(prepare.code, 0) << prepare.err;
  EXPECT_EQ(beacon({"plan", "prepare", "ql-flood", "--kind", "whim", "--date", "2024-03-11"}).code,
            1);
  CliRun bad_replacement =
      beacon({"plan", "abolish", "ql-flood", "--date", "2024-05-01", "--replaced-by", "nope"});
  EXPECT_EQ(bad_replacement.code, 1);
  EXPECT_NE(bad_replacement.err.find("--replaced-by"), std::string::npos) << bad_replacement.err;
  ASSERT_EQ(beacon({"plan", "abolish", "ql-flood", "--date", "2024-05-01"}).code, 0);
  CliRun twice = beacon({"plan", "abolish", "ql-flood", "--date", "2024-05-02"});
  EXPECT_EQ(twice.code, 5);
  EXPECT_NE(twice.err.find("「已废止」"), std::string::npos) << twice.err;
  CliRun revise = beacon(
      {"plan", "revise", "ql-flood", "--trigger", "risk_changed_major", "--draft", "--text", "x"});
  EXPECT_EQ(revise.code, 5);
  EXPECT_NE(revise.err.find("「已废止」，不能修订"), std::string::npos) << revise.err;
}

TEST_F(PlanLifecycleCommandTest, TheDraftIsEditedWhileDraftingAndRefusedNamingTheStateOtherwise) {
  CliRun edit = beacon({"plan", "edit-draft", "ql-flood", "--text", "第一章 总则\n第二章 组织\n",
                        "--note", "补充组织"});
  ASSERT_EQ(edit.code, 0) << edit.err;
  EXPECT_NE(edit.out.find("修改编制稿\tql-flood v1\t编制中 → 编制中"), std::string::npos) << edit.out;
  ASSERT_EQ(beacon({"plan", "submit-review", "ql-flood", "--date", "2024-03-01"}).code, 0);
  CliRun in_review = beacon({"plan", "edit-draft", "ql-flood", "--text", "评审中"});
  EXPECT_EQ(in_review.code, 5);
  EXPECT_NE(in_review.err.find("status: 预案 ql-flood 第1版当前状态为「评审中」，不能修改编制稿"),
            std::string::npos)
      << in_review.err;
  ASSERT_EQ(beacon({"review", "add", "--plan", "ql-flood", "--kind", "review", "--date",
                    "2024-03-05", "--conclusion", "failed"})
                .code,
            0);
  // After 评审 不通过: edited in place from a file, still v1 and no 修订.
  const std::string file = dir_.path() + "/v1.txt";
  {
    std::ofstream out(file);
    out << "第一章 总则（按评审意见修改）\n";
  }
  ASSERT_EQ(beacon({"plan", "edit-draft", "ql-flood", "--text-file", file}).code, 0);
  CliRun show = beacon({"plan", "show", "ql-flood"});
  EXPECT_EQ(show.out.find("v2"), std::string::npos) << show.out;
  CliRun empty = beacon({"plan", "edit-draft", "ql-flood"});
  EXPECT_EQ(empty.code, 1);
  EXPECT_NE(empty.err.find("--text"), std::string::npos) << empty.err;
  CliRun missing = beacon({"plan", "edit-draft", "ql-flood", "--text-file", file + ".none"});
  EXPECT_NE(missing.err.find("--text-file"), std::string::npos) << missing.err;
  ASSERT_EQ(beacon({"plan", "submit-review", "ql-flood", "--date", "2024-03-10"}).code, 0);
  ASSERT_EQ(beacon({"review", "add", "--plan", "ql-flood", "--kind", "review", "--date",
                    "2024-03-12", "--conclusion", "passed"})
                .code,
            0);
  ASSERT_EQ(beacon({"plan", "approve", "ql-flood", "--date", "2024-03-15", "--by", "曲梁镇政府"}).code, 0);
  ASSERT_EQ(beacon({"plan", "issue", "ql-flood", "--issued", "2024-04-01", "--document-no", "曲政〔2024〕9号"})
                .code,
            0);
  CliRun issued = english({"plan", "edit-draft", "ql-flood", "--text", "x"});
  EXPECT_EQ(issued.code, 5);
  EXPECT_NE(issued.err.find("is Issued; cannot edit the draft"), std::string::npos) << issued.err;
  CliRun history = beacon({"plan", "history", "ql-flood"});
  EXPECT_NE(history.out.find("修改编制稿"), std::string::npos) << history.out;
}

TEST_F(PlanLifecycleCommandTest, HelpListsTheLifeCycleVerbs) {
  CliRun help = beacon({"plan", "--help"});
  for (const char* verb : {"edit-draft", "submit-review", "approve", "issue", "publish", "abolish", "history",
                           "--replaced-by", "--addresses"}) {
    EXPECT_NE((help.out + help.err).find(verb), std::string::npos) << verb;
  }
}

TEST_F(PlanLifecycleCommandTest, ARefusalIsChineseAndEnglishWithLangEn) {
  // zh-CN: no ASCII letters but the option, the command and the plan code.
  CliRun diff = beacon({"plan", "diff", "ql-flood", "1", "x"});
  EXPECT_EQ(diff.code, 1);
  EXPECT_NE(diff.err.find("VERSION: 版本号应为整数"), std::string::npos) << diff.err;
  CliRun missing = beacon({"plan", "diff", "ql-flood", "1", "9"});
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find("to: 预案 ql-flood 没有第9版"), std::string::npos) << missing.err;
  CliRun kind = beacon({"review", "add", "--plan", "ql-flood", "--kind", "whim", "--date", "2024-03-05"});
  EXPECT_NE(kind.err.find("--kind: 应为 review（评审）或 evaluation（评估）"), std::string::npos) << kind.err;
  CliRun en = english({"plan", "diff", "ql-flood", "1", "9"});
  EXPECT_NE(en.err.find("to: plan ql-flood has no version 9"), std::string::npos) << en.err;
  CliRun en_kind = english({"review", "add", "--plan", "ql-flood", "--kind", "whim", "--date", "2024-03-05"});
  EXPECT_NE(en_kind.err.find("--kind: must be review or evaluation"), std::string::npos) << en_kind.err;
  CliRun nosuch = beacon({"plan", "show", "nosuch"});
  EXPECT_EQ(nosuch.code, 4) << "the plan named does not exist (exit code 4)";
  EXPECT_NE(nosuch.err.find("CODE: 没有编码为“nosuch”的预案"), std::string::npos);
  EXPECT_NE(english({"plan", "show", "nosuch"}).err.find("CODE: no plan with code \"nosuch\""), std::string::npos);
  // The command line's own refusals too.
  CliRun date = beacon({"plan", "issue", "ql-flood", "--issued", "2024-02-30", "--document-no", "x"});
  EXPECT_EQ(date.code, 1);
  EXPECT_NE(date.err.find("--issued: 日期格式应为 YYYY-MM-DD，实际为“2024-02-30”"), std::string::npos) << date.err;
  CliRun en_date = english({"plan", "issue", "ql-flood", "--issued", "2024-02-30", "--document-no", "x"});
  EXPECT_NE(en_date.err.find("--issued: must be a date YYYY-MM-DD, got \"2024-02-30\""), std::string::npos)
      << en_date.err;
  CliRun target = beacon({"filing", "add", "--plan", "ql-flood", "--submitted", "2024-04-10"});
  EXPECT_NE(target.err.find("--target: 为必填项"), std::string::npos) << target.err;
  CliRun en_target = english({"filing", "add", "--plan", "ql-flood", "--submitted", "2024-04-10"});
  EXPECT_NE(en_target.err.find("--target: is required"), std::string::npos) << en_target.err;
}

}  // namespace
}  // namespace beacon::app
