// Met late (逾期完成): the SDK helpers record which due date a record
// answered (met_due), statusOf tells met from met late, and a period duty
// takes one record from its own period only.
#include <gtest/gtest.h>

#include "beacon/sdk/duty_period.h"
#include "beacon/sdk/interval_rule.h"

namespace beacon::sdk {
namespace {

Date d(const char* text) { return *Date::parse(text); }

RecordRef ref(RecordId id, const char* date) { return RecordRef{"drill", id, d(date)}; }

TEST(MetLateTest, StatusIdAndLabels) {
  EXPECT_STREQ(toId(ObligationStatus::MetLate), "met_late");
  EXPECT_STREQ(labelZh(ObligationStatus::MetLate), "逾期完成");
  EXPECT_STREQ(labelEn(ObligationStatus::MetLate), "Met late");
}

TEST(MetLateTest, PeriodDeadlineOnTimeLateAndOutside) {
  struct Case {
    const char* record;
    const char* expected;  // as of 2024-12-31, deadline 2024-05-15, period 2023-10-01 .. 2024-09-30
    long days_late;
  } cases[] = {
      {"2023-09-30", "overdue", 0},   // the day before the on-time window: another period's
      {"2023-10-01", "met", 0},       // its first day
      {"2024-05-15", "met", 0},       // on the deadline
      {"2024-05-16", "met_late", 1},  // the day after
      {"2024-09-30", "met_late", 138},
      {"2024-10-01", "overdue", 0},  // after late_until: the next period's record
  };
  for (const auto& c : cases) {
    Obligation o;
    applyPeriodDeadline(o, {ref(1, c.record)}, d("2023-10-01"), d("2024-05-15"), d("2024-09-30"),
                        d("2024-12-31"));
    EXPECT_EQ(o.due.toString(), "2024-05-15");
    EXPECT_STREQ(toId(statusOf(o, d("2024-12-31"), 30)), c.expected) << c.record;
    EXPECT_EQ(daysLate(o), c.days_late) << c.record;
  }
}

TEST(MetLateTest, PeriodDeadlinePrefersOnTimeThenTheEarliestLate) {
  Obligation o;
  applyPeriodDeadline(o, {ref(1, "2024-07-01"), ref(2, "2024-06-01"), ref(3, "2024-08-01")},
                      d("2023-10-01"), d("2024-05-15"), d("2024-09-30"), d("2024-12-31"));
  EXPECT_EQ(o.last_met.id, 2u);
  EXPECT_EQ(daysLate(o), 17);
  Obligation on_time;
  applyPeriodDeadline(on_time, {ref(1, "2024-07-01"), ref(2, "2024-01-01")}, d("2023-10-01"),
                      d("2024-05-15"), d("2024-09-30"), d("2024-12-31"));
  EXPECT_EQ(on_time.last_met.id, 2u);
  EXPECT_EQ(statusOf(on_time, d("2024-12-31"), 30), ObligationStatus::Met);
  // A record after as_of does not count yet.
  Obligation early;
  applyPeriodDeadline(early, {ref(1, "2024-07-01")}, d("2023-10-01"), d("2024-05-15"),
                      d("2024-09-30"), d("2024-06-30"));
  EXPECT_EQ(statusOf(early, d("2024-06-30"), 30), ObligationStatus::Overdue);
}

TEST(MetLateTest, IntervalRecordAfterTheCycleDueIsMetLate) {
  // Every 12 months from 2023-01-01: due 2024-01-01; done 2024-02-10 (40 days late), next due
  // 2025-02-10.
  Obligation o;
  applyInterval(o, {ref(1, "2024-02-10")}, d("2023-01-01"), 12, d("2024-06-01"));
  EXPECT_EQ(o.met_due.toString(), "2024-01-01");
  EXPECT_EQ(o.due.toString(), "2025-02-10");
  EXPECT_EQ(statusOf(o, d("2024-06-01"), 30), ObligationStatus::MetLate);
  EXPECT_EQ(daysLate(o), 40);
  // The next cycle met on time is plain met again.
  applyInterval(o, {ref(1, "2024-02-10"), ref(2, "2025-02-10")}, d("2023-01-01"), 12,
                d("2025-03-01"));
  EXPECT_EQ(o.met_due.toString(), "2025-02-10");
  EXPECT_EQ(statusOf(o, d("2025-03-01"), 30), ObligationStatus::Met);
  // On the due date itself: on time.
  Obligation on_due;
  applyInterval(on_due, {ref(1, "2024-01-01")}, d("2023-01-01"), 12, d("2024-06-01"));
  EXPECT_EQ(statusOf(on_due, d("2024-06-01"), 30), ObligationStatus::Met);
}

TEST(MetLateTest, PeriodSatisfiedAfterTheDueDateWithoutMetDueIsLate) {
  // A rule that sets only due, last_met and period_satisfied (a filing): compared with due.
  Obligation o;
  o.due = d("2024-03-05");
  o.last_met = ref(1, "2024-03-08");
  o.period_satisfied = true;
  EXPECT_EQ(statusOf(o, d("2024-04-01"), 30), ObligationStatus::MetLate);
  EXPECT_EQ(daysLate(o), 3);
  o.last_met = ref(1, "2024-03-05");
  EXPECT_EQ(statusOf(o, d("2024-04-01"), 30), ObligationStatus::Met);
}

TEST(MetLateTest, AnnualDeadlineLateRecordStaysInItsYear) {
  Obligation o;
  applyAnnualDeadline(o, {ref(1, "2024-11-20")}, 11, 9, 1, d("2024-12-31"));
  EXPECT_EQ(statusOf(o, d("2024-12-31"), 30), ObligationStatus::MetLate);
  EXPECT_EQ(daysLate(o), 11);
  // With a 12-month window the next year's checkpoint does not take it again.
  Obligation next;
  applyAnnualDeadline(next, {ref(1, "2024-11-20")}, 11, 9, 12, d("2025-11-10"));
  EXPECT_EQ(statusOf(next, d("2025-11-10"), 30), ObligationStatus::Overdue);
}

TEST(MetLateTest, InsideLabel) {
  DutyPeriod p{"forest_fire.period", "森林防火期",    "forest-fire prevention period",
               d("2023-11-01"),      d("2024-04-30"), ""};
  EXPECT_EQ(insideLabel(p, false), "森林防火期内");
  EXPECT_EQ(insideLabel(p, true), "inside the forest-fire prevention period");
}

}  // namespace
}  // namespace beacon::sdk
