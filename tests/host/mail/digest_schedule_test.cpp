// mail.schedule: a duty still to do is in the digest 30, 14, 7 and 0 days before its due date,
// then every 7 days while overdue; nothing met, not applicable or off-schedule.
#include <gtest/gtest.h>

#include "mail/digest_schedule.h"
#include "mail/mail_config.h"

namespace beacon::mail {
namespace {

class DigestScheduleTest : public ::testing::Test {
 protected:
  rules::ObligationRow row(sdk::ObligationStatus status, bool applicable = true) {
    kept_.rule = &rule_;
    kept_.due = rules::PackedDate(due_);
    kept_.status = status;
    kept_.applicable = applicable;
    return rules::ObligationRow(&kept_, texts_);
  }
  bool on(long days_before_due, sdk::ObligationStatus status) {
    return inDigest(row(status), due_.addDays(-days_before_due), {30, 14, 7, 0});
  }

  rules::RuleText rule_;
  rules::KeptRow kept_;
  std::string texts_[1] = {""};
  sdk::Date due_{2026, 6, 30};
};

TEST_F(DigestScheduleTest, ListedDaysBeforeTheDueDate) {
  for (long d : {30L, 14L, 7L, 0L}) EXPECT_TRUE(on(d, sdk::ObligationStatus::DueSoon)) << d;
  EXPECT_TRUE(on(30, sdk::ObligationStatus::Upcoming));
  for (long d : {31L, 29L, 15L, 8L, 6L, 1L})
    EXPECT_FALSE(on(d, sdk::ObligationStatus::DueSoon)) << d;
}

TEST_F(DigestScheduleTest, WeeklyWhileOverdue) {
  for (long d : {-7L, -14L, -70L}) EXPECT_TRUE(on(d, sdk::ObligationStatus::Overdue)) << d;
  for (long d : {-1L, -6L, -8L, -13L}) EXPECT_FALSE(on(d, sdk::ObligationStatus::Overdue)) << d;
}

TEST_F(DigestScheduleTest, NothingMetOrNotApplicable) {
  EXPECT_FALSE(on(7, sdk::ObligationStatus::MetLate));
  EXPECT_FALSE(on(7, sdk::ObligationStatus::NotApplicable));
  kept_.period_satisfied = true;
  EXPECT_FALSE(on(7, sdk::ObligationStatus::Met));
  EXPECT_FALSE(inDigest(row(sdk::ObligationStatus::DueSoon, false), due_.addDays(-7), {7}));
}

TEST(MailScheduleSettingTest, ParsesAndRefuses) {
  auto days = parseSchedule("30, 14,7,0", "mail.schedule");
  ASSERT_TRUE(days.isOk());
  EXPECT_EQ(days.value(), (std::vector<int>{30, 14, 7, 0}));
  for (const char* bad : {"", "7,7", "x", "-1", "400", "7,,3"}) {
    EXPECT_FALSE(parseSchedule(bad, "mail.schedule").isOk()) << bad;
  }
}

}  // namespace
}  // namespace beacon::mail
