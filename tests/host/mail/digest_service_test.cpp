// The daily digest on a small city (CLI-made: 新密市, its township 曲梁镇 with a flood plan
// issued on 2025-12-20), on SQLite or, with BEACON_TEST_DB_URI, PostgreSQL: mailed once to the
// township's address through an SMTP sink on 127.0.0.1 (recipient, Chinese subject and body
// checked as received), claimed once per organisation and day, retried after a failure, nothing
// written by a dry run, nothing sent when nothing is due.
#include <gtest/gtest.h>

#include <memory>
#include <mutex>

#include <Poco/AutoPtr.h>
#include <Poco/Util/MapConfiguration.h>

#include "app/app_context.h"
#include "build_paths.h"
#include "mail/digest_service.h"
#include "store/digest_log_repository.h"
#include "store/organisation_contacts.h"
#include "store/organisation_repository.h"
#include "support/cli_city_fixture.h"
#include "support/smtp_sink.h"

namespace beacon::mail {
namespace {

constexpr const char* kAddress = "quliang@xinmi.example.cn";

class DigestServiceTest : public testing::CliCityFixture {
 protected:
  void SetUp() override {
    CliCityFixture::SetUp();
    auto plan = beacon({"plan", "add", "--code", "QL-FX", "--title", "曲梁镇防汛应急预案",
                        "--domain", "flood", "--category", "special", "--owner", "quliang",
                        "--issued", "2025-12-20", "--text", "正文"});
    ASSERT_EQ(plan.code, 0) << plan.err;
    Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
    config->setString("beacon.database", db_);
    config->setString("beacon.plugins", BEACON_DEFAULT_PLUGIN_DIR);
    auto opened = app::AppContext::open(*config, false);
    ASSERT_TRUE(opened.isOk()) << opened.status().describe();
    app_ = std::move(opened.value());
    quliang_ = store::OrganisationRepository(app_->db().session()).findByCode("quliang")->id;
    store::setOrganisationContactEmail(app_->db().session(), quliang_, kAddress,
                                       store::Actor{"tester"});
    mail_.enabled = true;
    mail_.port = sink_.port();
    mail_.from = "beacon@xinmi.example.cn";
    due_ = firstDueOfQuliang();
    ASSERT_TRUE(due_.isSet());
  }

  // The earliest due date of a duty of 曲梁镇 still to do on 2025-12-21.
  sdk::Date firstDueOfQuliang() {
    rules::CheckQuery q;
    q.as_of = sdk::Date{2025, 12, 21};
    auto results = app_->engine().checkShared(q);
    EXPECT_TRUE(results.isOk());
    sdk::Date first;
    for (const auto& r : *results.value()) {
      if (r.orgId() != quliang_ || !r.due().isSet() || r.due() < q.as_of) continue;
      if (r.status() != sdk::ObligationStatus::DueSoon &&
          r.status() != sdk::ObligationStatus::Upcoming)
        continue;
      if (!first.isSet() || r.due() < first) first = r.due();
    }
    return first;
  }

  DigestService service() {
    return DigestService(app_->db(), app_->engine(), engine_mutex_, mail_);
  }
  int logRows() { return store::DigestLogRepository(app_->db().session()).count(); }

  testing::SmtpSink sink_;
  std::unique_ptr<app::AppContext> app_;
  std::mutex engine_mutex_;
  MailConfig mail_;
  sdk::RecordId quliang_ = 0;
  sdk::Date due_;
};

TEST_F(DigestServiceTest, MailsTheTownshipItsDutiesInChinese) {
  const sdk::Date day = due_.addDays(-7);
  auto outcomes = service().run(day, false);
  ASSERT_TRUE(outcomes.isOk()) << outcomes.status().describe();
  ASSERT_EQ(outcomes.value().size(), 1u);
  EXPECT_EQ(outcomes.value()[0].result, DigestOutcome::Result::Sent) << outcomes.value()[0].error;
  const auto messages = sink_.messages();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].from, "beacon@xinmi.example.cn");
  ASSERT_EQ(messages[0].to.size(), 1u);
  EXPECT_EQ(messages[0].to[0], kAddress);
  const std::string subject = testing::sinkSubject(messages[0]);
  const std::string items = std::to_string(outcomes.value()[0].digest.items.size());
  EXPECT_EQ(subject,
            "【应急预案提醒】曲梁镇：" + day.toString() + " 有 " + items + " 项事项待办理");
  const std::string body = testing::sinkBody(messages[0]);
  EXPECT_NE(body.find("曲梁镇："), std::string::npos) << body;
  EXPECT_NE(body.find("《曲梁镇防汛应急预案》"), std::string::npos) << body;
  EXPECT_NE(body.find("期限 " + due_.toString() + "，还有 7 天到期。"), std::string::npos) << body;
  const auto row = store::DigestLogRepository(app_->db().session()).find(quliang_, day);
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->status, store::kDigestSent);
  EXPECT_EQ(row->recipient, kAddress);
  EXPECT_GE(row->items, 1);
  EXPECT_FALSE(row->sent_at.empty());
}

TEST_F(DigestServiceTest, OneDigestPerOrganisationAndDay) {
  const sdk::Date day = due_.addDays(-14);
  ASSERT_TRUE(service().run(day, false).isOk());
  auto again = service().run(day, false);
  ASSERT_TRUE(again.isOk());
  ASSERT_EQ(again.value().size(), 1u);
  EXPECT_EQ(again.value()[0].result, DigestOutcome::Result::AlreadyClaimed);
  EXPECT_EQ(sink_.messages().size(), 1u);
  // Another sender that claimed the day first (a cron run beside the server's timer) wins it.
  const sdk::Date next = due_;
  EXPECT_NE(store::DigestLogRepository(app_->db().session()).claim(quliang_, next, kAddress, 1), 0);
  auto lost = service().run(next, false);
  ASSERT_TRUE(lost.isOk());
  ASSERT_EQ(lost.value().size(), 1u);
  EXPECT_EQ(lost.value()[0].result, DigestOutcome::Result::AlreadyClaimed);
  EXPECT_EQ(sink_.messages().size(), 1u);
}

TEST_F(DigestServiceTest, AFailedDigestIsSentByTheNextRun) {
  const sdk::Date day = due_.addDays(-7);
  sink_.failNext(1);
  auto failed = service().run(day, false);
  ASSERT_TRUE(failed.isOk());
  ASSERT_EQ(failed.value().size(), 1u);
  EXPECT_EQ(failed.value()[0].result, DigestOutcome::Result::Failed);
  auto row = store::DigestLogRepository(app_->db().session()).find(quliang_, day);
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->status, store::kDigestFailed);
  EXPECT_NE(row->error.find("554"), std::string::npos) << row->error;
  auto retried = service().run(day, false);
  ASSERT_TRUE(retried.isOk());
  EXPECT_EQ(retried.value()[0].result, DigestOutcome::Result::Sent);
  row = store::DigestLogRepository(app_->db().session()).find(quliang_, day);
  EXPECT_EQ(row->status, store::kDigestSent);
  EXPECT_EQ(row->attempts, 2);
  EXPECT_EQ(sink_.messages().size(), 1u);
}

TEST_F(DigestServiceTest, ADryRunWritesAndSendsNothing) {
  auto outcomes = service().run(due_.addDays(-7), true);
  ASSERT_TRUE(outcomes.isOk());
  ASSERT_EQ(outcomes.value().size(), 1u);
  EXPECT_EQ(outcomes.value()[0].result, DigestOutcome::Result::WouldSend);
  EXPECT_FALSE(outcomes.value()[0].digest.items.empty());
  EXPECT_EQ(logRows(), 0);
  EXPECT_TRUE(sink_.messages().empty());
}

TEST_F(DigestServiceTest, NothingDueNothingSent) {
  // A day on which no duty of 曲梁镇 is on the schedule (the day before a scheduled one).
  sdk::Date quiet;
  for (sdk::Date d = due_.addDays(-40); d < due_ && !quiet.isSet(); d = d.addDays(1)) {
    auto digests = service().digestsOf(d);
    ASSERT_TRUE(digests.isOk());
    if (digests.value().empty()) quiet = d;
  }
  ASSERT_TRUE(quiet.isSet());
  auto outcomes = service().run(quiet, false);
  ASSERT_TRUE(outcomes.isOk());
  EXPECT_TRUE(outcomes.value().empty());
  EXPECT_EQ(logRows(), 0);
  EXPECT_TRUE(sink_.messages().empty());
}

TEST_F(DigestServiceTest, AuthLoginSendsTheConfiguredAccount) {
  mail_.username = "beacon";
  mail_.password = "s3cret";
  auto outcomes = service().run(due_.addDays(-7), false);
  ASSERT_TRUE(outcomes.isOk());
  const auto messages = sink_.messages();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].username, "beacon");
  EXPECT_EQ(messages[0].password, "s3cret");
}

}  // namespace
}  // namespace beacon::mail
