// `beacon notify` and `beacon org set-email`: the township's address set and checked, a dry run
// that prints the digest and writes nothing, the run that mails it to an SMTP sink on 127.0.0.1
// and, run again the same day, sends nothing more; refused while mail.enabled is false.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>

#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include "beacon/sdk/date.h"
#include "support/cli_runner.h"
#include "support/smtp_sink.h"
#include "support/test_database.h"

namespace beacon::app {
namespace {

using testing::CliRun;

class NotifyCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Poco::File(dir_.path()).createDirectories();
    database_ = std::make_unique<testing::TestDatabase>(dir_.path() + "/beacon.db");
    db_ = database_->uri();
    writeConfig(true);
    ASSERT_EQ(beacon({"init"}).code, 0);
    ASSERT_EQ(beacon({"org", "add", "--code", "xinmi", "--name", "新密市", "--kind", "city"}).code,
              0);
    ASSERT_EQ(beacon({"org", "add", "--code", "quliang", "--name", "曲梁镇", "--kind", "township",
                      "--parent", "xinmi"})
                  .code,
              0);
    CliRun plan = beacon({"plan", "add", "--code", "QL-FX", "--title", "曲梁镇防汛应急预案",
                          "--domain", "flood", "--category", "special", "--owner", "quliang",
                          "--issued", "2025-12-20", "--text", "正文"});
    ASSERT_EQ(plan.code, 0) << plan.err;
  }

  void writeConfig(bool enabled) {
    std::ofstream(dir_.path() + "/beacon.properties")
        << "mail.enabled = " << (enabled ? "true" : "false") << "\n"
        << "mail.host = 127.0.0.1\nmail.port = " << sink_.port() << "\n"
        << "mail.from = beacon@xinmi.example.cn\n";
  }

  CliRun beacon(const std::vector<std::string>& args) {
    return testing::runBeacon(
        {"--config", dir_.path() + "/beacon.properties", "--db", db_, "--user", "tester"}, args);
  }

  // The first day from 2025-12-21 on which the dry run lists a digest.
  std::string firstDigestDay() {
    for (sdk::Date d{2025, 12, 21}; d < sdk::Date{2026, 3, 1}; d = d.addDays(1)) {
      CliRun run = beacon({"notify", "--date", d.toString(), "--dry-run"});
      EXPECT_EQ(run.code, 0) << run.err;
      if (run.out.find("曲梁镇") != std::string::npos) return d.toString();
    }
    return "";
  }

  testing::SmtpSink sink_;
  Poco::TemporaryFile dir_;
  std::unique_ptr<testing::TestDatabase> database_;
  std::string db_;
};

TEST_F(NotifyCommandTest, SetEmailChecksTheAddress) {
  CliRun bad = beacon({"org", "set-email", "quliang", "not-an-address"});
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.err.find("不是有效的电子邮箱地址"), std::string::npos) << bad.err;
  CliRun ok = beacon({"org", "set-email", "quliang", "quliang@xinmi.example.cn"});
  EXPECT_EQ(ok.code, 0) << ok.err;
  EXPECT_EQ(ok.out, "quliang\tquliang@xinmi.example.cn\n");
}

TEST_F(NotifyCommandTest, WithoutAnAddressNothingIsDue) {
  CliRun run = beacon({"notify", "--date", "2026-01-10", "--dry-run"});
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find("无到期事项"), std::string::npos) << run.out;
}

TEST_F(NotifyCommandTest, DryRunThenSendOnceADay) {
  ASSERT_EQ(beacon({"org", "set-email", "quliang", "quliang@xinmi.example.cn"}).code, 0);
  const std::string day = firstDigestDay();
  ASSERT_FALSE(day.empty());
  CliRun dry = beacon({"notify", "--date", day, "--dry-run"});
  EXPECT_NE(dry.out.find(day + "\t曲梁镇\tquliang@xinmi.example.cn\t"), std::string::npos)
      << dry.out;
  EXPECT_NE(dry.out.find("将发送"), std::string::npos) << dry.out;
  EXPECT_TRUE(sink_.messages().empty());
  CliRun sent = beacon({"notify", "--date", day});
  EXPECT_EQ(sent.code, 0) << sent.err;
  EXPECT_NE(sent.out.find("已发送"), std::string::npos) << sent.out;
  ASSERT_EQ(sink_.messages().size(), 1u);
  EXPECT_EQ(sink_.messages()[0].to.front(), "quliang@xinmi.example.cn");
  EXPECT_NE(testing::sinkSubject(sink_.messages()[0]).find("曲梁镇"), std::string::npos);
  CliRun again = beacon({"notify", "--date", day});
  EXPECT_EQ(again.code, 0) << again.err;
  EXPECT_NE(again.out.find("已发送或正在发送"), std::string::npos) << again.out;
  EXPECT_EQ(sink_.messages().size(), 1u);
}

TEST_F(NotifyCommandTest, AFailedSendExitsAsUnavailableAndIsRetried) {
  ASSERT_EQ(beacon({"org", "set-email", "quliang", "quliang@xinmi.example.cn"}).code, 0);
  const std::string day = firstDigestDay();
  ASSERT_FALSE(day.empty());
  sink_.failNext(1);
  CliRun failed = beacon({"notify", "--date", day});
  EXPECT_EQ(failed.code, 3) << failed.out << failed.err;  // exit_code::kUnavailable
  EXPECT_NE(failed.out.find("发送失败"), std::string::npos) << failed.out;
  CliRun retried = beacon({"notify", "--date", day});
  EXPECT_EQ(retried.code, 0) << retried.err;
  EXPECT_NE(retried.out.find("已发送"), std::string::npos) << retried.out;
  EXPECT_EQ(sink_.messages().size(), 1u);
}

TEST_F(NotifyCommandTest, RefusedWhileMailIsOff) {
  writeConfig(false);
  CliRun run = beacon({"notify", "--date", "2026-01-10"});
  EXPECT_EQ(run.code, 1);
  EXPECT_NE(run.err.find("mail.enabled"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace beacon::app
